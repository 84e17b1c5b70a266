package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import java.util.List;

/** What a filter's attribute paths are resolved against: a whole resource or one complex value. */
interface Scope {

    /** The values at {@code path} and their definitions, or null when the schema does not define it. */
    Located lookup(AttributePath path);

    /**
     * Values found at a path: {@code attribute} is the definition designated ({@code sub}-attribute when
     * the path has one). {@code values} has arrays flattened and JSON nulls dropped.
     */
    record Located(AttributeDefinition attribute, List<JsonNode> values) {
    }

    static void addValues(JsonNode node, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isNull()) {
                    out.add(element);
                }
            }
        } else {
            out.add(node);
        }
    }
}
