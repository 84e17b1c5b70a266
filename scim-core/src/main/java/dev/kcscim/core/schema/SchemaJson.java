package dev.kcscim.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code /Schemas} (RFC 7643 §7, §8.7) and {@code /ResourceTypes} (RFC 7643 §6, §8.6), both
 * ways. Every characteristic is written, with RFC wire values ({@code readWrite}, {@code dateTime}) and
 * never a null: {@code canonicalValues} and {@code referenceTypes} are always arrays, possibly empty, and
 * {@code subAttributes} appears on complex attributes. Reading accepts what we write and what other servers
 * serve; absent characteristics take the RFC 7643 §2.2 defaults; bad input is {@code 400 invalidSyntax}.
 */
public final class SchemaJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    /** A schema resource; {@code baseUrl} (nullable) is the SCIM base URL used for {@code meta.location}. */
    public static ObjectNode toJson(SchemaDefinition schema, String baseUrl) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimConstants.SCHEMA_SCHEMA);
        node.put("id", schema.id());
        node.put("name", schema.name());
        node.put("description", schema.description());
        ArrayNode attributes = node.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(toJson(attribute)));
        node.set("meta", meta("Schema", baseUrl, ScimConstants.ENDPOINT_SCHEMAS + "/" + schema.id()));
        return node;
    }

    /** One attribute with every characteristic, sub-attributes included. */
    public static ObjectNode toJson(AttributeDefinition attribute) {
        ObjectNode node = NODES.objectNode();
        node.put("name", attribute.name());
        node.put("type", attribute.type().wireValue());
        node.put("multiValued", attribute.multiValued());
        node.put("description", attribute.description());
        node.put("required", attribute.required());
        node.put("caseExact", attribute.caseExact());
        node.put("mutability", attribute.mutability().wireValue());
        node.put("returned", attribute.returned().wireValue());
        node.put("uniqueness", attribute.uniqueness().wireValue());
        ArrayNode canonical = node.putArray("canonicalValues");
        attribute.canonicalValues().forEach(canonical::add);
        ArrayNode references = node.putArray("referenceTypes");
        attribute.referenceTypes().forEach(references::add);
        if (attribute.isComplex()) {
            ArrayNode subs = node.putArray("subAttributes");
            attribute.subAttributes().forEach(sub -> subs.add(toJson(sub)));
        }
        return node;
    }

    /** A resource type resource; {@code baseUrl} (nullable) is used for {@code meta.location}. */
    public static ObjectNode toJson(ResourceTypeDefinition type, String baseUrl) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimConstants.SCHEMA_RESOURCE_TYPE);
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        node.put("description", type.description());
        node.put("schema", type.schema());
        ArrayNode extensions = node.putArray("schemaExtensions");
        for (SchemaExtension extension : type.schemaExtensions()) {
            extensions.addObject().put("schema", extension.schema()).put("required", extension.required());
        }
        node.set("meta", meta("ResourceType", baseUrl, ScimConstants.ENDPOINT_RESOURCE_TYPES + "/" + type.id()));
        return node;
    }

    /** Reads a schema as served by {@code /Schemas}, e.g. a custom extension defined at runtime. */
    public static SchemaDefinition schemaFromJson(JsonNode node) {
        requireObject(node, "schema");
        List<AttributeDefinition> attributes = new ArrayList<>();
        JsonNode list = node.get("attributes");
        if (list != null && !list.isNull()) {
            requireArray(list, "attributes");
            list.forEach(attribute -> attributes.add(attributeFromJson(attribute, 0)));
        }
        return new SchemaDefinition(text(node, "id", true), text(node, "name", false),
                text(node, "description", false), attributes);
    }

    /** Reads a resource type as served by {@code /ResourceTypes}. */
    public static ResourceTypeDefinition resourceTypeFromJson(JsonNode node) {
        requireObject(node, "resource type");
        List<SchemaExtension> extensions = new ArrayList<>();
        JsonNode list = node.get("schemaExtensions");
        if (list != null && !list.isNull()) {
            requireArray(list, "schemaExtensions");
            for (JsonNode extension : list) {
                requireObject(extension, "schema extension");
                extensions.add(new SchemaExtension(text(extension, "schema", true), bool(extension, "required")));
            }
        }
        return new ResourceTypeDefinition(text(node, "id", true), text(node, "name", false), text(node, "endpoint", true),
                text(node, "description", false), text(node, "schema", true), extensions);
    }

    /** Reads one attribute; nesting is limited to sub-attributes of top-level attributes (RFC 7643 §2.3.8). */
    public static AttributeDefinition attributeFromJson(JsonNode node, int depth) {
        requireObject(node, "attribute");
        String name = text(node, "name", true);
        AttributeType type = enumValue(node, "type", AttributeType.fromWire(text(node, "type", true)));
        AttributeDefinition.Builder builder = AttributeDefinition.builder(name, type)
                .multiValued(bool(node, "multiValued"))
                .description(text(node, "description", false))
                .required(bool(node, "required"))
                .caseExact(bool(node, "caseExact"))
                .canonicalValues(strings(node, "canonicalValues"))
                .referenceTypes(strings(node, "referenceTypes"));
        if (node.hasNonNull("mutability")) {
            builder.mutability(enumValue(node, "mutability", Mutability.fromWire(text(node, "mutability", true))));
        }
        if (node.hasNonNull("returned")) {
            builder.returned(enumValue(node, "returned", Returned.fromWire(text(node, "returned", true))));
        }
        if (node.hasNonNull("uniqueness")) {
            builder.uniqueness(enumValue(node, "uniqueness", Uniqueness.fromWire(text(node, "uniqueness", true))));
        }
        JsonNode subs = node.get("subAttributes");
        if (subs != null && !subs.isNull() && subs.size() > 0) {
            if (depth > 0) {
                throw ScimException.invalidSyntax("Sub-attribute '" + name + "' cannot have sub-attributes");
            }
            requireArray(subs, "subAttributes");
            List<AttributeDefinition> children = new ArrayList<>();
            subs.forEach(sub -> children.add(attributeFromJson(sub, depth + 1)));
            builder.subAttributes(children);
        }
        return builder.build();
    }

    private static ObjectNode meta(String resourceType, String baseUrl, String path) {
        ObjectNode meta = NODES.objectNode();
        meta.put("resourceType", resourceType);
        if (baseUrl != null) {
            meta.put("location", (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + path);
        }
        return meta;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ScimException.invalidSyntax("Missing '" + field + "' in " + node);
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ScimException.invalidSyntax("'" + field + "' must be a string, not " + value);
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ScimException.invalidSyntax("'" + field + "' must be a boolean, not " + value);
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        requireArray(value, field);
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ScimException.invalidSyntax("'" + field + "' must hold strings, not " + element);
            }
            result.add(element.textValue());
        }
        return result;
    }

    private static <E> E enumValue(JsonNode node, String field, E value) {
        if (value == null) {
            throw ScimException.invalidSyntax("Unknown " + field + " " + node.get(field));
        }
        return value;
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ScimException.invalidSyntax("A " + what + " must be a JSON object");
        }
    }

    private static void requireArray(JsonNode node, String field) {
        if (!node.isArray()) {
            throw ScimException.invalidSyntax("'" + field + "' must be an array");
        }
    }
}
