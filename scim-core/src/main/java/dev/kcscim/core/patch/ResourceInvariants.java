package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.Mutability;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;

/**
 * Checks that span a whole PATCH request, run once after all operations so that a later operation may
 * restore what an earlier one removed: required attributes stay assigned, immutable attributes keep
 * their value, and {@code schemas} lists exactly the extensions whose attributes the patch added or
 * removed (RFC 7643 §3: extension URNs appear in {@code schemas}).
 */
final class ResourceInvariants {

    private ResourceInvariants() {
    }

    static void check(ObjectNode before, ObjectNode after, ResourceSchema schema) {
        checkAttributes(schema.core(), before, after);
        for (SchemaDefinition extension : schema.extensions()) {
            JsonNode oldExtension = extensionObject(before, extension);
            dropIfEmpty(after, extension);
            JsonNode newExtension = extensionObject(after, extension);
            checkAttributes(extension, oldExtension, newExtension);
            syncSchemas(after, extension, oldExtension != null, newExtension != null);
        }
    }

    private static void checkAttributes(SchemaDefinition schema, JsonNode before, JsonNode after) {
        for (AttributeDefinition attribute : schema.attributes()) {
            JsonNode old = value(before, attribute);
            if (old == null || attribute.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode now = value(after, attribute);
            if (attribute.required() && now == null) {
                // RFC 7644 §3.12 invalidValue: "A required value was missing"; RFC 7643 §2.2 "required"
                throw ScimException.invalidValue("'" + attribute.name() + "' is required and cannot be removed");
            }
            if (attribute.mutability() == Mutability.IMMUTABLE && !old.equals(now)) {
                // RFC 7644 §3.5.2: a client MUST NOT modify an immutable attribute that has a value
                throw ScimException.mutability("'" + attribute.name() + "' is immutable and already has a value");
            }
        }
    }

    private static JsonNode value(JsonNode container, AttributeDefinition attribute) {
        JsonNode value = ScimJson.getIgnoreCase(container, attribute.name());
        return value == null || value.isNull() ? null : value;
    }

    private static JsonNode extensionObject(JsonNode resource, SchemaDefinition extension) {
        JsonNode value = ScimJson.getIgnoreCase(resource, extension.id());
        return value != null && value.isObject() && !value.isEmpty() ? value : null;
    }

    private static void dropIfEmpty(ObjectNode resource, SchemaDefinition extension) {
        String key = ScimJson.actualFieldName(resource, extension.id());
        if (key != null && resource.get(key).isObject() && resource.get(key).isEmpty()) {
            resource.remove(key);
        }
    }

    private static void syncSchemas(ObjectNode resource, SchemaDefinition extension, boolean had, boolean has) {
        JsonNode schemas = ScimJson.getIgnoreCase(resource, "schemas");
        if (schemas == null || !schemas.isArray()) {
            return;
        }
        ArrayNode list = (ArrayNode) schemas;
        int index = indexOf(list, extension.id());
        if (has && index < 0) {
            list.add(extension.id());
        } else if (!has && had && index >= 0) {
            list.remove(index);
        }
    }

    private static int indexOf(ArrayNode list, String urn) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual() && list.get(i).asText().equalsIgnoreCase(urn)) {
                return i;
            }
        }
        return -1;
    }
}
