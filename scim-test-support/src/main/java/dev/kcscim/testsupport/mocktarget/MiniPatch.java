package dev.kcscim.testsupport.mocktarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small, independent PATCH (RFC 7644 §3.5.2) applier for the mock target: path-less add/replace,
 * {@code attr}, {@code attr.sub}, {@code attr[sub eq "v"]} and {@code attr[sub eq "v"].sub}. It does not share code
 * with the production engine, so the mock checks the wire format rather than our own interpretation of it.
 */
final class MiniPatch {

    private MiniPatch() {
    }

    static void apply(ObjectNode resource, JsonNode body) {
        JsonNode ops = body.has("Operations") ? body.get("Operations") : body.get("operations");
        if (ops == null || !ops.isArray()) {
            throw new IllegalArgumentException("no Operations");
        }
        for (JsonNode op : ops) {
            String name = op.path("op").asText().toLowerCase(Locale.ROOT);
            String path = op.hasNonNull("path") ? op.get("path").asText() : null;
            JsonNode value = op.get("value");
            if (path == null) {
                value.properties().forEach(e -> resource.set(e.getKey(), e.getValue()));
                continue;
            }
            ObjectNode target = resource;
            if (path.regionMatches(true, 0, "urn:", 0, 4)) {
                // A URN-qualified path (RFC 7644 §3.10): the attribute follows the last ':' and lives in the
                // extension's object
                int colon = path.lastIndexOf(':');
                String urn = path.substring(0, colon);
                target = resource.has(urn) && resource.get(urn).isObject()
                        ? (ObjectNode) resource.get(urn) : resource.putObject(urn);
                path = path.substring(colon + 1);
            }
            int bracket = path.indexOf('[');
            if (bracket > 0) {
                filtered(target, name, path, bracket, value);
            } else if (path.contains(".")) {
                String[] parts = path.split("\\.", 2);
                ObjectNode parent = target.has(parts[0]) && target.get(parts[0]).isObject()
                        ? (ObjectNode) target.get(parts[0]) : target.putObject(parts[0]);
                if (name.equals("remove")) {
                    parent.remove(parts[1]);
                } else {
                    parent.set(parts[1], value);
                }
            } else if (name.equals("remove")) {
                target.remove(path);
            } else if (name.equals("add") && value.isArray() && target.has(path) && target.get(path).isArray()) {
                ArrayNode existing = (ArrayNode) target.get(path);
                for (JsonNode item : value) {
                    if (!contains(existing, item)) {
                        existing.add(item);
                    }
                }
            } else {
                target.set(path, value);
            }
        }
    }

    private static void filtered(ObjectNode resource, String op, String path, int bracket, JsonNode value) {
        String attribute = path.substring(0, bracket);
        int close = path.indexOf(']', bracket);
        String[] filter = path.substring(bracket + 1, close).trim().split("\\s+", 3);
        String sub = filter[0];
        String expected = filter[2].replaceAll("^\"|\"$", "");
        String subPath = close + 1 < path.length() && path.charAt(close + 1) == '.' ? path.substring(close + 2) : null;
        JsonNode array = resource.get(attribute);
        if (array == null || !array.isArray()) {
            return;
        }
        for (Iterator<JsonNode> it = array.iterator(); it.hasNext();) {
            JsonNode element = it.next();
            if (!expected.equalsIgnoreCase(element.path(sub).asText())) {
                continue;
            }
            if (op.equals("remove") && subPath == null) {
                it.remove();
            } else if (op.equals("remove")) {
                ((ObjectNode) element).remove(subPath);
            } else if (subPath != null) {
                ((ObjectNode) element).set(subPath, value);
            } else if (value.isObject()) {
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    ((ObjectNode) element).set(field.getKey(), field.getValue());
                }
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.path("value").asText("").equals(item.path("value").asText(null))) {
                return true;
            }
        }
        return false;
    }
}
