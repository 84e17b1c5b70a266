package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.MappedPath;
import dev.kcscim.core.schema.AttributeType;
import java.util.Collection;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies an {@link AttributeMapping} to the default User representation of {@link OutboundMapper}. Pure: the
 * Keycloak values come in through a lookup function, so the same code serves delivery, preview and the full sync,
 * and is unit-tested without Keycloak. A value that is empty leaves its path out (a later diff removes it).
 */
final class UserMapping {

    private UserMapping() {
    }

    /**
     * @param values user property or attribute by {@link AttributeMapping.Source}; null when unset
     * @param roles  realm role names (used when the mapping sends roles)
     * @param groups group names (used when the mapping sends groups)
     */
    static ObjectNode apply(ObjectNode base, AttributeMapping mapping, Function<AttributeMapping.Source, String> values,
            Collection<String> roles, Collection<String> groups) {
        ObjectNode json = base.deepCopy();
        String userName = values.apply(mapping.userName());
        if (userName != null && !userName.isBlank()) {
            json.put("userName", userName);
        }
        for (AttributeMapping.Rule rule : mapping.rules()) {
            String value = values.apply(rule.source());
            if (value == null || value.isEmpty()) {
                continue;
            }
            set(json, rule.path(), value);
        }
        multi(json, mapping.roles(), roles);
        multi(json, mapping.groups(), groups);
        return json;
    }

    private static void set(ObjectNode json, MappedPath path, String value) {
        ObjectNode container = json;
        if (!path.core()) {
            addSchema(json, path.urn());
            container = json.has(path.urn()) && json.get(path.urn()).isObject()
                    ? (ObjectNode) json.get(path.urn()) : json.putObject(path.urn());
        }
        boolean bool = path.leaf().map(a -> a.type() == AttributeType.BOOLEAN).orElse(false);
        JsonNode typed = bool ? json.booleanNode(Boolean.parseBoolean(value)) : json.textNode(value);
        if (path.typeFilter() != null) {
            ArrayNode array = container.has(path.name()) && container.get(path.name()).isArray()
                    ? (ArrayNode) container.get(path.name()) : container.putArray(path.name());
            ObjectNode element = null;
            for (JsonNode existing : array) {
                if (path.typeFilter().equalsIgnoreCase(existing.path("type").asText())) {
                    element = (ObjectNode) existing;
                }
            }
            if (element == null) {
                element = array.addObject().put("type", path.typeFilter());
            }
            element.set(path.sub(), typed);
        } else if (path.sub() != null) {
            ObjectNode parent = container.has(path.name()) && container.get(path.name()).isObject()
                    ? (ObjectNode) container.get(path.name()) : container.putObject(path.name());
            parent.set(path.sub(), typed);
        } else {
            container.set(path.name(), typed);
        }
    }

    private static void multi(ObjectNode json, AttributeMapping.MultiTarget target, Collection<String> names) {
        if (target == AttributeMapping.MultiTarget.NONE || names == null || names.isEmpty()) {
            return;
        }
        String attribute = target == AttributeMapping.MultiTarget.ROLES ? "roles" : "entitlements";
        ArrayNode array = json.has(attribute) && json.get(attribute).isArray()
                ? (ArrayNode) json.get(attribute) : json.putArray(attribute);
        TreeSet<String> present = new TreeSet<>();
        array.forEach(v -> present.add(v.path("value").asText()));
        for (String name : new TreeSet<>(names)) {
            if (present.add(name)) {
                array.addObject().put("value", name);
            }
        }
    }

    private static void addSchema(ObjectNode json, String urn) {
        ArrayNode schemas = json.has("schemas") && json.get("schemas").isArray()
                ? (ArrayNode) json.get("schemas") : json.putArray("schemas");
        for (JsonNode existing : schemas) {
            if (existing.asText().equalsIgnoreCase(urn)) {
                return;
            }
        }
        schemas.add(urn);
    }
}
