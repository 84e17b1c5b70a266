package dev.kcscim.core.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The body of a PATCH request (RFC 7644 §3.5.2): {@code {"schemas":[PatchOp URN],"Operations":[...]}}.
 * Immutable; build one with {@link #of(PatchOperation...)} or read one with {@link #parse(JsonNode)}.
 */
public record PatchRequest(List<String> schemas, List<PatchOperation> operations) {

    /** Most operations one request may carry; more is {@code 400 tooMany} so a body cannot pin a worker. */
    public static final int MAX_OPERATIONS = 1_000;

    public PatchRequest {
        schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    }

    /** A request of {@code operations} with the PatchOp schema URN. */
    public static PatchRequest of(PatchOperation... operations) {
        return of(Arrays.asList(operations));
    }

    /** A request of {@code operations} with the PatchOp schema URN. */
    public static PatchRequest of(List<PatchOperation> operations) {
        return new PatchRequest(List.of(ScimConstants.MESSAGE_PATCH_OP), operations);
    }

    /** Parses the JSON text of a PATCH body; malformed JSON is {@code 400 invalidSyntax}. */
    public static PatchRequest parse(String json) {
        try {
            return parse(ScimJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax("PATCH body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a PATCH body. {@code Operations} (any case) must be a non-empty array (RFC 7644 §3.5.2); a
     * {@code schemas} that is present must list the PatchOp URN, else {@code 400 invalidSyntax}; more than
     * {@link #MAX_OPERATIONS} operations is {@code 400 tooMany}. See {@link PatchOperation#fromJson}.
     */
    public static PatchRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object");
        }
        List<String> schemas = schemas(ScimJson.getIgnoreCase(body, "schemas"));
        JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ScimException.invalidSyntax("A PATCH body needs a non-empty 'Operations' array");
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw ScimException.tooMany("A PATCH request may carry at most " + MAX_OPERATIONS + " operations, not "
                    + ops.size());
        }
        List<PatchOperation> operations = new ArrayList<>(ops.size());
        for (JsonNode op : ops) {
            operations.add(PatchOperation.fromJson(op));
        }
        return new PatchRequest(schemas, operations);
    }

    /** True when there is no operation, e.g. a diff of equal resources; such a request is not sent. */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The wire form, with the operations as {@code "Operations"} as RFC 7644 §3.5.2 spells it. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode schemaArray = json.putArray("schemas");
        schemas.forEach(schemaArray::add);
        ArrayNode ops = json.putArray("Operations");
        operations.forEach(op -> ops.add(op.toJson()));
        return json;
    }

    private static List<String> schemas(JsonNode node) {
        if (node == null || node.isNull()) {
            // Okta's group-rename requests are documented without "schemas"; the operations alone are unambiguous
            return List.of(ScimConstants.MESSAGE_PATCH_OP);
        }
        if (!node.isArray()) {
            throw ScimException.invalidSyntax("A PATCH body needs 'schemas' with " + ScimConstants.MESSAGE_PATCH_OP);
        }
        List<String> schemas = new ArrayList<>(node.size());
        boolean patchOp = false;
        for (JsonNode urn : node) {
            if (!urn.isTextual()) {
                throw ScimException.invalidSyntax("'schemas' must be an array of strings");
            }
            schemas.add(urn.asText());
            patchOp |= urn.asText().equalsIgnoreCase(ScimConstants.MESSAGE_PATCH_OP);
        }
        if (!patchOp) {
            throw ScimException.invalidSyntax("'schemas' must contain " + ScimConstants.MESSAGE_PATCH_OP);
        }
        return schemas;
    }
}
