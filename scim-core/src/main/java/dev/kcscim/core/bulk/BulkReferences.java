package dev.kcscim.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code bulkId} references in a bulk operation (RFC 7644 §3.7.2): a string value {@code "bulkId:qwerty"}
 * anywhere in {@code data}, or a path segment {@code bulkId:qwerty} (e.g. {@code /Groups/bulkId:qwerty}),
 * stands for the id of the resource created by the POST whose {@code bulkId} is {@code qwerty}.
 */
public final class BulkReferences {

    /** The prefix of a reference (case-sensitive, as in the RFC's examples). */
    public static final String PREFIX = "bulkId:";

    private BulkReferences() {
    }

    /** The bulkIds {@code path} and {@code data} refer to, in order of appearance. */
    public static Set<String> in(String path, JsonNode data) {
        Set<String> found = new LinkedHashSet<>();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (segment.startsWith(PREFIX) && segment.length() > PREFIX.length()) {
                    found.add(segment.substring(PREFIX.length()));
                }
            }
        }
        collect(data, found);
        return found;
    }

    /** {@code path} with each {@code bulkId:x} segment replaced by {@code ids.get(x)}; unknown ones stay. */
    public static String substitute(String path, Map<String, String> ids) {
        if (path == null || !path.contains(PREFIX)) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String id = reference(segments[i], ids);
            if (id != null) {
                segments[i] = id;
            }
        }
        return String.join("/", segments);
    }

    /** A copy of {@code data} with every {@code "bulkId:x"} string replaced by {@code ids.get(x)}. */
    public static JsonNode substitute(JsonNode data, Map<String, String> ids) {
        if (data == null) {
            return null;
        }
        JsonNode copy = data.deepCopy();
        return replace(copy, ids);
    }

    private static JsonNode replace(JsonNode node, Map<String, String> ids) {
        if (node.isTextual()) {
            String id = reference(node.textValue(), ids);
            return id == null ? node : TextNode.valueOf(id);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(replace(field.getValue(), ids));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), ids));
            }
        }
        return node;
    }

    private static String reference(String value, Map<String, String> ids) {
        if (value.startsWith(PREFIX)) {
            return ids.get(value.substring(PREFIX.length()));
        }
        return null;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
                found.add(text.substring(PREFIX.length()));
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, found));
        }
    }
}
