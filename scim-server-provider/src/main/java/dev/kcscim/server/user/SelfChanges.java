package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the current SCIM form of a user with the state a {@code /Me} write asks for, attribute by attribute
 * (names case-insensitive, RFC 7643 §2.1), so that only self-editable attributes may differ. "No value" forms
 * (absent, null, empty string, empty array or object) are all equal, and so are {@code true} and {@code "True"}.
 */
final class SelfChanges {

    /** Never compared: readOnly (RFC 7643 §3.1), or checked by {@link SelfService} itself. */
    private static final Set<String> SKIPPED = Set.of("schemas", "id", "meta", "groups", "username", "emails", "password", "name");
    private static final Set<String> EDITABLE_NAME = Set.of("givenname", "familyname");

    private SelfChanges() {
    }

    /** 400 mutability naming the first attribute outside the self-editable set whose value would change. */
    static void requireOnlyEditable(JsonNode current, JsonNode desired, boolean keepAbsent, String rule) {
        Map<String, String> names = fieldNames(current, desired);
        for (Map.Entry<String, String> field : names.entrySet()) {
            if (!SKIPPED.contains(field.getKey())) {
                check(get(current, field.getKey()), get(desired, field.getKey()), keepAbsent, field.getValue(), rule);
            }
        }
        JsonNode currentName = get(current, "name");
        JsonNode desiredName = get(desired, "name");
        if (desiredName == null && keepAbsent) {
            return;
        }
        for (Map.Entry<String, String> sub : fieldNames(currentName, desiredName).entrySet()) {
            if (!EDITABLE_NAME.contains(sub.getKey())) {
                check(get(currentName, sub.getKey()), get(desiredName, sub.getKey()), keepAbsent, "name." + sub.getValue(), rule);
            }
        }
    }

    private static void check(JsonNode current, JsonNode desired, boolean keepAbsent, String name, String rule) {
        if (desired == null && keepAbsent) {
            return;
        }
        if (!equivalent(current, desired)) {
            throw ScimException.mutability("'" + name + "' cannot be changed through /Me: " + rule);
        }
    }

    /** Equal as SCIM values, with every "no value" form equal. */
    static boolean equivalent(JsonNode a, JsonNode b) {
        if (empty(a) || empty(b)) {
            return empty(a) && empty(b);
        }
        if (a.isObject() && b.isObject()) {
            for (String field : fieldNames(a, b).keySet()) {
                if (!equivalent(get(a, field), get(b, field))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equivalent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isValueNode() && b.isValueNode()) {
            boolean booleans = a.isBoolean() || b.isBoolean();
            return booleans ? a.asText().equalsIgnoreCase(b.asText()) : a.asText().equals(b.asText());
        }
        return false;
    }

    /** No value: absent, null, empty string, or a container of nothing but such values. */
    private static boolean empty(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty())) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!empty(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Lower-cased field name to its spelling in the first node that has it. */
    private static Map<String, String> fieldNames(JsonNode a, JsonNode b) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode node : new JsonNode[] {a, b}) {
            if (node != null && node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return names;
    }

    private static JsonNode get(JsonNode node, String lowerName) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return field.getValue();
            }
        }
        return null;
    }
}
