package dev.kcscim.client.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a Keycloak user becomes the pushed SCIM User, beyond the defaults ({@code userName}, {@code externalId},
 * {@code active}, {@code name}, {@code displayName}, one work email). {@code userName} comes from the username,
 * the email or a user attribute; each {@link Rule} copies a user property or attribute to a SCIM path
 * ({@link MappedPath}); the user's realm roles and group names can travel as {@code roles} or {@code entitlements}
 * (RFC 7643 §4.1.2). Stored as JSON under the component config key {@link #KEY}.
 */
public record AttributeMapping(Source userName, List<Rule> rules, MultiTarget roles, MultiTarget groups) {

    public static final String KEY = "mapping";
    // Before DEFAULT: its Source.of reads PROPERTIES during class initialisation
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PROPERTIES = Set.of("username", "email", "firstname", "lastname", "enabled", "id");
    private static final Set<String> MEMBERS = Set.of("userName", "attributes", "roles", "groups");
    public static final AttributeMapping DEFAULT = new AttributeMapping(Source.of("username"), List.of(),
            MultiTarget.NONE, MultiTarget.NONE);


    /** Where roles or group names go: nowhere, {@code roles} or {@code entitlements}. */
    public enum MultiTarget { NONE, ROLES, ENTITLEMENTS }

    /** A user property ({@code username, email, firstName, lastName, enabled, id}) or {@code attribute:<name>}. */
    public record Source(String property, String attribute) {

        static Source of(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("is required");
            }
            String trimmed = text.trim();
            if (trimmed.regionMatches(true, 0, "attribute:", 0, 10)) {
                String name = trimmed.substring(10).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "': name the attribute after 'attribute:'");
                }
                return new Source(null, name);
            }
            if (!PROPERTIES.contains(trimmed.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + text + "' must be one of username, email, firstName, lastName,"
                        + " enabled, id or attribute:<name>");
            }
            return new Source(trimmed.toLowerCase(Locale.ROOT), null);
        }

        @Override
        public String toString() {
            return attribute != null ? "attribute:" + attribute : switch (property) {
                case "firstname" -> "firstName";
                case "lastname" -> "lastName";
                default -> property;
            };
        }
    }

    /** One copy of a Keycloak value to a SCIM path. */
    public record Rule(Source source, MappedPath path) {
    }

    public AttributeMapping {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The stored mapping of a component; a missing or unreadable one is the default. */
    public static AttributeMapping of(String stored) {
        if (stored == null || stored.isBlank()) {
            return DEFAULT;
        }
        List<String> problems = new ArrayList<>();
        AttributeMapping mapping = parse(readTree(stored), problems);
        return problems.isEmpty() ? mapping : DEFAULT;
    }

    /** Parses the {@code mapping} member of a target; each problem is added as {@code mapping.x: message}. */
    public static AttributeMapping parse(JsonNode json, List<String> problems) {
        if (json == null || json.isNull()) {
            return DEFAULT;
        }
        if (!json.isObject()) {
            problems.add("mapping: must be an object");
            return DEFAULT;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                problems.add("mapping." + name + ": unknown member (userName, attributes, roles, groups)");
            }
        }
        Source userName = DEFAULT.userName();
        if (json.has("userName")) {
            try {
                userName = Source.of(json.get("userName").isTextual() ? json.get("userName").asText() : null);
                if (userName.property() != null && !Set.of("username", "email").contains(userName.property())) {
                    problems.add("mapping.userName: must be username, email or attribute:<name>");
                }
            } catch (IllegalArgumentException e) {
                problems.add("mapping.userName: " + e.getMessage());
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode attributes = json.get("attributes");
        if (attributes != null && !attributes.isNull() && !attributes.isArray()) {
            problems.add("mapping.attributes: must be an array of {\"source\", \"path\"}");
        } else if (attributes != null) {
            for (int i = 0; i < attributes.size(); i++) {
                rule(attributes.get(i), "mapping.attributes[" + i + "]", rules, problems);
            }
        }
        return new AttributeMapping(userName, rules, multi(json, "roles", problems), multi(json, "groups", problems));
    }

    private static void rule(JsonNode entry, String field, List<Rule> rules, List<String> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add(field + ": must be an object with source and path");
            return;
        }
        Source source = null;
        MappedPath path = null;
        try {
            source = Source.of(entry.path("source").isTextual() ? entry.get("source").asText() : null);
        } catch (IllegalArgumentException e) {
            problems.add(field + ".source: " + e.getMessage());
        }
        try {
            path = MappedPath.parse(entry.path("path").isTextual() ? entry.get("path").asText() : null);
        } catch (IllegalArgumentException e) {
            problems.add(field + ".path: " + e.getMessage());
        }
        if (source != null && path != null) {
            for (Rule other : rules) {
                if (other.path().toString().equalsIgnoreCase(path.toString())) {
                    problems.add(field + ".path: '" + path + "' is mapped twice");
                    return;
                }
            }
            rules.add(new Rule(source, path));
        }
    }

    private static MultiTarget multi(JsonNode json, String member, List<String> problems) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return MultiTarget.NONE;
        }
        MultiTarget target = value.isTextual() ? TargetConfig.enumOr(MultiTarget.class, value.asText(), null) : null;
        if (target == null) {
            problems.add("mapping." + member + ": must be one of none, roles, entitlements");
            return MultiTarget.NONE;
        }
        return target;
    }

    /** The stored and served JSON form. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("userName", userName.toString());
        var list = json.putArray("attributes");
        rules.forEach(rule -> list.addObject().put("source", rule.source().toString()).put("path", rule.path().toString()));
        json.put("roles", TargetScope.wire(roles));
        json.put("groups", TargetScope.wire(groups));
        return json;
    }

    static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
