package dev.kcscim.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.PatchOp;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.path.PatchPath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The smallest PATCH (RFC 7644 §3.5.2) that turns one version of a resource into another, for an outbound
 * client that must not resend a whole resource (or a whole member list) for one change.
 *
 * <p>Driven by the schemas: single-valued attributes are replaced, complex ones sub-attribute by
 * sub-attribute, attributes that disappeared are removed, and multi-valued complex attributes whose
 * values carry a unique {@code value} (members, emails, roles ...) get deltas: {@code remove} with
 * {@code attr[value eq "x"]} per removed value, {@code replace} with that filter per changed value and one
 * {@code add} for the new values. readOnly attributes (id, meta, groups on User) are never emitted, nor
 * attributes the schemas do not define. Extension attributes use URN-qualified paths.
 *
 * <p>Contract: {@code PatchEngine.apply(old, diff(old, new, schema), schema)} equals {@code new} apart from
 * readOnly attributes, undefined attributes and the order of multi-valued values (which RFC 7643 §2.4
 * leaves unordered). An {@linkplain PatchRequest#isEmpty() empty} request means nothing to send: do not send
 * it, as a PATCH body needs at least one operation.
 */
public final class ResourceDiff {

    private ResourceDiff() {
    }

    /** The operations that turn {@code oldResource} into {@code newResource}. */
    public static PatchRequest diff(ObjectNode oldResource, ObjectNode newResource, ResourceSchema schema) {
        Objects.requireNonNull(oldResource, "oldResource");
        Objects.requireNonNull(newResource, "newResource");
        Objects.requireNonNull(schema, "schema");
        List<PatchOperation> operations = new ArrayList<>();
        for (AttributeDefinition common : CoreSchemas.COMMON_ATTRIBUTES) {
            if (!common.name().equalsIgnoreCase("schemas")) {
                diffAttribute(null, common, oldResource, newResource, operations);
            }
        }
        diffSchema(null, schema.core(), oldResource, newResource, operations);
        for (SchemaDefinition extension : schema.extensions()) {
            diffSchema(extension.id(), extension, ScimJson.getIgnoreCase(oldResource, extension.id()),
                    ScimJson.getIgnoreCase(newResource, extension.id()), operations);
        }
        return PatchRequest.of(operations);
    }

    private static void diffSchema(String urn, SchemaDefinition schema, JsonNode oldContainer, JsonNode newContainer,
            List<PatchOperation> operations) {
        for (AttributeDefinition attribute : schema.attributes()) {
            diffAttribute(urn, attribute, oldContainer, newContainer, operations);
        }
    }

    private static void diffAttribute(String urn, AttributeDefinition attribute, JsonNode oldContainer,
            JsonNode newContainer, List<PatchOperation> operations) {
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return;
        }
        JsonNode before = Values.present(ScimJson.getIgnoreCase(oldContainer, attribute.name()));
        JsonNode after = Values.present(ScimJson.getIgnoreCase(newContainer, attribute.name()));
        if (Objects.equals(before, after)) {
            return;
        }
        AttributePath path = new AttributePath(urn, attribute.name(), null);
        if (after == null) {
            operations.add(op(PatchOp.REMOVE, new PatchPath(path, null, null), null));
        } else if (attribute.multiValued()) {
            MultiValuedDiff.diff(path, attribute, before, after, operations);
        } else if (attribute.isComplex() && before != null && before.isObject() && after.isObject()) {
            diffComplex(path, attribute, before, after, operations);
        } else {
            operations.add(op(before == null ? PatchOp.ADD : PatchOp.REPLACE, new PatchPath(path, null, null), after));
        }
    }

    /** Sub-attribute by sub-attribute: {@code replace name.givenName}, {@code remove name.middleName}. */
    private static void diffComplex(AttributePath path, AttributeDefinition attribute, JsonNode before, JsonNode after,
            List<PatchOperation> operations) {
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode oldSub = Values.present(ScimJson.getIgnoreCase(before, sub.name()));
            JsonNode newSub = Values.present(ScimJson.getIgnoreCase(after, sub.name()));
            if (Objects.equals(oldSub, newSub)) {
                continue;
            }
            PatchPath subPath = new PatchPath(path.withSubAttribute(sub.name()), null, null);
            operations.add(newSub == null ? op(PatchOp.REMOVE, subPath, null) : op(PatchOp.REPLACE, subPath, newSub));
        }
    }

    /** An operation whose value is a copy, so later changes to the new resource do not leak into it. */
    static PatchOperation op(PatchOp op, PatchPath path, JsonNode value) {
        return new PatchOperation(op, path, value == null ? null : value.deepCopy());
    }
}
