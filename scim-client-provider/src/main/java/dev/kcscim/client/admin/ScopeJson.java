package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.TargetScope;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.component.ComponentModel;

/**
 * The {@code scope} and {@code mapping} members of a target's JSON and their component config keys:
 * <pre>
 * "scope": { "users":  { "type": "all" | "groups" | "role" | "organization",
 *                        "groups": ["&lt;group id&gt;"], "includeSubgroups": true,
 *                        "role": "&lt;role name&gt;", "client": "&lt;clientId, for a client role&gt;",
 *                        "organization": "&lt;organization id&gt;" },
 *            "groups": { "type": "none" | "chosen" | "all", "ids": ["&lt;group id&gt;"] } }
 * </pre>
 */
final class ScopeJson {

    private static final Set<String> USER_MEMBERS = Set.of("type", "groups", "includeSubgroups", "role", "client",
            "organization");
    private static final Set<String> GROUP_MEMBERS = Set.of("type", "ids");

    private ScopeJson() {
    }

    static ObjectNode toJson(TargetScope scope) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode users = json.putObject("users").put("type", scope.users().name().toLowerCase(Locale.ROOT));
        switch (scope.users()) {
            case GROUPS:
                scope.userGroupIds().forEach(users.putArray("groups")::add);
                users.put("includeSubgroups", scope.includeSubgroups());
                break;
            case ROLE:
                users.put("role", scope.roleName());
                if (scope.roleClientId() != null) {
                    users.put("client", scope.roleClientId());
                }
                break;
            case ORGANIZATION:
                users.put("organization", scope.organizationId());
                break;
            default:
                break;
        }
        ObjectNode groups = json.putObject("groups").put("type", scope.groups().name().toLowerCase(Locale.ROOT));
        if (scope.groups() == TargetScope.Groups.CHOSEN) {
            scope.groupIds().forEach(groups.putArray("ids")::add);
        }
        return json;
    }

    /** Writes the {@code scope} member into {@code model}'s config; shape problems go to {@code problems}. */
    static void toModel(JsonNode scope, ComponentModel model, List<String> problems) {
        if (scope == null || scope.isNull()) {
            return;
        }
        if (!scope.isObject()) {
            problems.add("scope: must be an object with users and groups");
            return;
        }
        unknown(scope, Set.of("users", "groups"), "scope", problems);
        JsonNode users = scope.get("users");
        if (users != null && !users.isNull()) {
            if (!users.isObject()) {
                problems.add("scope.users: must be an object with a type");
            } else {
                unknown(users, USER_MEMBERS, "scope.users", problems);
                put(model, TargetScope.USERS, text(users, "type", "scope.users.type", problems));
                list(model, TargetScope.USER_GROUPS, users.get("groups"), "scope.users.groups", problems);
                if (users.has("includeSubgroups")) {
                    if (!users.get("includeSubgroups").isBoolean()) {
                        problems.add("scope.users.includeSubgroups: must be true or false");
                    }
                    put(model, TargetScope.INCLUDE_SUBGROUPS, String.valueOf(users.get("includeSubgroups").asBoolean()));
                }
                put(model, TargetScope.ROLE, text(users, "role", "scope.users.role", problems));
                put(model, TargetScope.ROLE_CLIENT, text(users, "client", "scope.users.client", problems));
                put(model, TargetScope.ORGANIZATION, text(users, "organization", "scope.users.organization", problems));
            }
        }
        JsonNode groups = scope.get("groups");
        if (groups != null && !groups.isNull()) {
            if (!groups.isObject()) {
                problems.add("scope.groups: must be an object with a type");
            } else {
                unknown(groups, GROUP_MEMBERS, "scope.groups", problems);
                put(model, TargetScope.GROUPS, text(groups, "type", "scope.groups.type", problems));
                list(model, TargetScope.GROUP_IDS, groups.get("ids"), "scope.groups.ids", problems);
            }
        }
    }

    /** Writes the {@code mapping} member (validated and normalised) as JSON text. */
    static void mappingToModel(JsonNode mapping, ComponentModel model, List<String> problems) {
        if (mapping == null || mapping.isNull()) {
            return;
        }
        int before = problems.size();
        AttributeMapping parsed = AttributeMapping.parse(mapping, problems);
        if (problems.size() == before) {
            model.getConfig().putSingle(AttributeMapping.KEY, parsed.toJson().toString());
        }
    }

    private static void unknown(JsonNode json, Set<String> known, String field, List<String> problems) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(field + "." + name + ": unknown member");
            }
        }
    }

    private static String text(JsonNode json, String member, String field, List<String> problems) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return value.asText();
    }

    private static void list(ComponentModel model, String key, JsonNode value, String field, List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            problems.add(field + ": must be an array of group ids");
            return;
        }
        ArrayNode array = (ArrayNode) value;
        for (JsonNode id : array) {
            if (!id.isTextual() || id.asText().isBlank()) {
                problems.add(field + ": must be an array of group ids");
                return;
            }
            model.getConfig().add(key, id.asText());
        }
    }

    private static void put(ComponentModel model, String key, String value) {
        if (value != null && !value.isEmpty()) {
            model.getConfig().putSingle(key, value);
        }
    }
}
