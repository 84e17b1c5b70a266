package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.PatchPath;
import java.util.Objects;

/**
 * One PATCH operation (RFC 7644 §3.5.2): {@code op}, an optional {@code path} and an optional {@code value}.
 * A null {@code path} targets the resource itself; a null {@code value} means the member was absent,
 * while an explicit JSON {@code null} is a {@code NullNode} (Entra's SCIM_Null_Update clears with it).
 * Whether the combination is applicable is decided by {@link PatchEngine}, which reports it as the RFC says.
 */
public record PatchOperation(PatchOp op, PatchPath path, JsonNode value) {

    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    /** {@code add} at {@code path} (RFC 7644 §3.5.2.1); {@code value} is any Jackson-convertible object. */
    public static PatchOperation add(String path, Object value) {
        return new PatchOperation(PatchOp.ADD, pathOf(path), toNode(value));
    }

    /** Path-less {@code add}: {@code value} is an object of attributes to add to the resource. */
    public static PatchOperation add(Object value) {
        return new PatchOperation(PatchOp.ADD, null, toNode(value));
    }

    /** {@code replace} at {@code path} (RFC 7644 §3.5.2.3), e.g. {@code replace("name.givenName", "Barbara")}. */
    public static PatchOperation replace(String path, Object value) {
        return new PatchOperation(PatchOp.REPLACE, pathOf(path), toNode(value));
    }

    /** Path-less {@code replace}: {@code value} is an object of attributes to replace. */
    public static PatchOperation replace(Object value) {
        return new PatchOperation(PatchOp.REPLACE, null, toNode(value));
    }

    /** {@code remove} at {@code path} (RFC 7644 §3.5.2.2), e.g. {@code remove("members[value eq \"U1\"]")}. */
    public static PatchOperation remove(String path) {
        return new PatchOperation(PatchOp.REMOVE, pathOf(path), null);
    }

    /** {@code remove} with a value: Entra's way to remove only the listed members of a multi-valued attribute. */
    public static PatchOperation remove(String path, Object value) {
        return new PatchOperation(PatchOp.REMOVE, pathOf(path), toNode(value));
    }

    /**
     * Reads one element of {@code Operations}. Member names are matched in any case ({@code "Op"},
     * {@code "Path"}), as are op names.
     *
     * @throws ScimException 400 {@code invalidSyntax} for a malformed operation, {@code invalidPath} for an
     *     unparseable path, {@code invalidValue} when add/replace has no {@code value} (RFC 7644 §3.5.2.1:
     *     "The operation MUST contain a value member")
     */
    public static PatchOperation fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ScimException.invalidSyntax("Each element of Operations must be a JSON object");
        }
        JsonNode opNode = ScimJson.getIgnoreCase(json, "op");
        if (opNode == null || !opNode.isTextual()) {
            throw ScimException.invalidSyntax("A PATCH operation needs an 'op' string");
        }
        PatchOp op = PatchOp.fromWire(opNode.asText());
        JsonNode pathNode = ScimJson.getIgnoreCase(json, "path");
        PatchPath path = null;
        if (pathNode != null && !pathNode.isNull()) {
            if (!pathNode.isTextual()) {
                throw ScimException.invalidPath("'path' must be a string");
            }
            // Some clients send "path": "" for a path-less operation
            if (!pathNode.asText().isBlank()) {
                path = PatchPath.parse(pathNode.asText().trim());
            }
        }
        JsonNode value = ScimJson.getIgnoreCase(json, "value");
        if (value == null && op != PatchOp.REMOVE) {
            throw ScimException.invalidValue("The '" + op.wireValue() + "' operation needs a 'value'");
        }
        return new PatchOperation(op, path, value);
    }

    /** The wire form: {@code {"op":"replace","path":"...","value":...}} with absent members left out. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("op", op.wireValue());
        if (path != null) {
            json.put("path", path.toString());
        }
        if (value != null) {
            json.set("value", value);
        }
        return json;
    }

    private static PatchPath pathOf(String path) {
        return path == null ? null : PatchPath.parse(path);
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode) {
            return (JsonNode) value;
        }
        return ScimJson.mapper().valueToTree(value);
    }
}
