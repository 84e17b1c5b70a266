package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.SchemaDefinition;

/**
 * Where a PATCH operation lands: the attribute (defined by {@code schema}; an extension's values live
 * under its URN, RFC 7643 §3.3), an optional value filter and an optional sub-attribute. {@code text}
 * names the target in error details.
 */
record Target(SchemaDefinition schema, boolean extension, AttributeDefinition attribute, Filter filter,
        AttributeDefinition sub, String text) {

    /** The object holding the attribute: the resource, or its extension object (made when {@code create}). */
    ObjectNode container(ObjectNode resource, boolean create) {
        if (!extension) {
            return resource;
        }
        String key = ScimJson.actualFieldName(resource, schema.id());
        JsonNode existing = key == null ? null : resource.get(key);
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        if (!create) {
            return null;
        }
        return resource.putObject(key == null ? schema.id() : key);
    }

    /** The current value of the attribute, or null when unassigned. */
    JsonNode current(ObjectNode resource) {
        ObjectNode container = container(resource, false);
        JsonNode value = container == null ? null : ScimJson.getIgnoreCase(container, attribute.name());
        return value == null || value.isNull() ? null : value;
    }

    /** Sets the attribute, keeping the spelling the resource already uses for its name. */
    void set(ObjectNode resource, JsonNode value) {
        ObjectNode container = container(resource, true);
        String key = ScimJson.actualFieldName(container, attribute.name());
        container.set(key == null ? attribute.name() : key, value);
    }

    /** Unassigns the attribute. */
    void clear(ObjectNode resource) {
        ObjectNode container = container(resource, false);
        if (container != null) {
            String key = ScimJson.actualFieldName(container, attribute.name());
            if (key != null) {
                container.remove(key);
            }
        }
    }
}
