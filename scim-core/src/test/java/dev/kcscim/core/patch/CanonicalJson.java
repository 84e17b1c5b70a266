package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A text form of JSON with object members sorted by name, to order values independently of member order. */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(JsonNode node) {
        StringBuilder text = new StringBuilder();
        write(node, text);
        return text.toString();
    }

    /** Compares two values by their canonical text. */
    public static int compare(JsonNode a, JsonNode b) {
        return of(a).compareTo(of(b));
    }

    private static void write(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            text.append('{');
            for (String name : names) {
                text.append('"').append(name).append("\":");
                write(node.get(name), text);
                text.append(',');
            }
            text.append('}');
        } else if (node.isArray()) {
            text.append('[');
            for (JsonNode element : node) {
                write(element, text);
                text.append(',');
            }
            text.append(']');
        } else {
            text.append(node.toString());
        }
    }
}
