package dev.kcscim.core.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.Returned;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.Map;
import java.util.function.Predicate;

/** One application of a {@link Projection} to one resource; the rules are documented there. */
final class ProjectionRun {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResourceSchema schema;
    private final Selection requested;
    private final Selection excluded;

    ProjectionRun(ResourceSchema schema, Selection requested, Selection excluded) {
        this.schema = schema;
        this.requested = requested;
        this.excluded = excluded;
    }

    ObjectNode apply(ObjectNode resource) {
        ObjectNode out = NODES.objectNode();
        SchemaDefinition core = schema.core();
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (schema.isExtension(name)) {
                SchemaDefinition extension = schema.schema(name).orElseThrow();
                ObjectNode projected = value.isObject() ? extension(extension, value) : null;
                if (projected != null && !projected.isEmpty()) {
                    out.set(name, projected);
                }
                continue;
            }
            AttributeDefinition definition = core.attribute(name).or(() -> CoreSchemas.commonAttribute(name)).orElse(null);
            put(out, name, definition == null ? unknown(name, value) : attribute(core.id(), definition, value));
        }
        return out;
    }

    private ObjectNode extension(SchemaDefinition extension, JsonNode value) {
        if (requested.isEmpty() && excluded.schema(extension.id())) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDefinition definition = extension.attribute(field.getKey()).orElse(null);
            put(out, field.getKey(), definition == null ? unknown(field.getKey(), field.getValue())
                    : attribute(extension.id(), definition, field.getValue()));
        }
        return out;
    }

    private JsonNode unknown(String name, JsonNode value) {
        return requested.isEmpty() && !excluded.undefined(name) ? value : null;
    }

    private JsonNode attribute(String schemaId, AttributeDefinition attribute, JsonNode value) {
        Returned returned = attribute.returned();
        String name = attribute.name();
        if (returned == Returned.NEVER) {
            return null;
        }
        if (returned == Returned.ALWAYS) {
            return copy(value, attribute, sub -> sub.returned() != Returned.NEVER, true);
        }
        if (!requested.isEmpty()) {
            boolean whole = requested.attribute(schemaId, name);
            if (!whole && !requested.anySubAttribute(schemaId, name)) {
                return null;
            }
            return copy(value, attribute, sub -> sub.returned() == Returned.ALWAYS
                    || requested.subAttribute(schemaId, name, sub.name())
                    || (whole && sub.returned() == Returned.DEFAULT), whole);
        }
        if (returned == Returned.REQUEST || excluded.attribute(schemaId, name)) {
            return null;
        }
        return copy(value, attribute, sub -> sub.returned() == Returned.ALWAYS
                || (sub.returned() == Returned.DEFAULT && !excluded.subAttribute(schemaId, name, sub.name())), true);
    }

    /**
     * The value with, in each complex value, only the sub-attributes {@code keep} accepts (and those the
     * schema does not define when {@code keepUnknown}); complex values left empty are dropped.
     */
    private static JsonNode copy(JsonNode value, AttributeDefinition attribute, Predicate<AttributeDefinition> keep,
            boolean keepUnknown) {
        if (!attribute.isComplex()) {
            return value;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return value;
            }
            ArrayNode out = NODES.arrayNode();
            for (JsonNode element : value) {
                JsonNode projected = copy(element, attribute, keep, keepUnknown);
                if (projected != null) {
                    out.add(projected);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDefinition sub = attribute.subAttribute(field.getKey()).orElse(null);
            if (sub == null ? keepUnknown : keep.test(sub)) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static void put(ObjectNode out, String name, JsonNode value) {
        if (value != null) {
            out.set(name, value);
        }
    }
}
