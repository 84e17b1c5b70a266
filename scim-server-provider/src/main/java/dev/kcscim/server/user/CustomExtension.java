package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.SchemaDefinition;
import dev.kcscim.core.schema.SchemaJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A realm's own SCIM schema extension for users (RFC 7643 §3.3): its attributes (simple types only, single-
 * or multi-valued) are mapped to Keycloak user attributes. Defined as JSON in the shape of a {@code /Schemas}
 * resource whose attributes also carry {@code "keycloakAttribute"} (the user attribute name):
 * <pre>{"id":"urn:example:params:scim:schemas:extension:acme:2.0:User","name":"AcmeUser",
 *  "attributes":[{"name":"deptCode","type":"string","keycloakAttribute":"deptCode"}]}</pre>
 *
 * @param schema     the extension schema as served by {@code /Schemas}
 * @param attributes SCIM attribute name (as defined) to Keycloak user attribute name
 */
public record CustomExtension(SchemaDefinition schema, Map<String, String> attributes) {

    private static final Set<AttributeType> SIMPLE = Set.of(AttributeType.STRING, AttributeType.BOOLEAN,
            AttributeType.INTEGER, AttributeType.DECIMAL, AttributeType.DATE_TIME, AttributeType.REFERENCE);
    private static final Set<String> RESERVED = Set.of("username", "email", "firstname", "lastname", "enabled",
            "emailverified", "createdtimestamp");

    /** Reads and validates a definition; invalid ones are {@code 400 invalidValue} / {@code invalidSyntax}. */
    public static CustomExtension fromJson(JsonNode json) {
        SchemaDefinition schema = SchemaJson.schemaFromJson(json);
        String urn = schema.id();
        if (!urn.regionMatches(true, 0, "urn:", 0, 4) || urn.toLowerCase(Locale.ROOT).startsWith("urn:ietf:params:scim:")) {
            throw ScimException.invalidValue("A custom extension needs its own URN (not urn:ietf:params:scim:...), not '" + urn + "'");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        JsonNode list = json.path("attributes");
        for (int i = 0; i < schema.attributes().size(); i++) {
            AttributeDefinition attribute = schema.attributes().get(i);
            if (!SIMPLE.contains(attribute.type()) || !attribute.subAttributes().isEmpty()) {
                throw ScimException.invalidValue("Custom attribute '" + attribute.name() + "' must have a simple type");
            }
            if (!AttributePath.isAttributeName(attribute.name()) || mapping.containsKey(attribute.name())) {
                throw ScimException.invalidValue("Custom attribute name '" + attribute.name() + "' is invalid or repeated");
            }
            JsonNode target = ScimJson.getIgnoreCase(list.get(i), "keycloakAttribute");
            String userAttribute = target == null || !target.isTextual() || target.asText().isBlank()
                    ? attribute.name() : target.asText().trim();
            if (RESERVED.contains(userAttribute.toLowerCase(Locale.ROOT)) || userAttribute.startsWith(UserAttributes.PREFIX)) {
                throw ScimException.invalidValue("Keycloak attribute '" + userAttribute + "' is reserved");
            }
            mapping.put(attribute.name(), userAttribute);
        }
        if (mapping.isEmpty()) {
            throw ScimException.invalidValue("A custom extension needs at least one attribute");
        }
        return new CustomExtension(schema, Map.copyOf(mapping));
    }

    /** The definition as stored and as the admin API returns it: the schema plus each attribute's mapping. */
    public ObjectNode toJson() {
        ObjectNode json = SchemaJson.toJson(schema, null);
        json.remove("meta");
        for (JsonNode attribute : (ArrayNode) json.get("attributes")) {
            ((ObjectNode) attribute).put("keycloakAttribute", attributes.get(attribute.path("name").asText()));
        }
        return json;
    }
}
