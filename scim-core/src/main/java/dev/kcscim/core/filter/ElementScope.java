package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.AttributeDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths resolved against one value of a multi-valued attribute (the inside of {@code emails[...]}).
 * For a multi-valued simple attribute, {@code value} designates the element itself.
 */
final class ElementScope implements Scope {

    private final JsonNode element;
    private final AttributeDefinition parent;

    ElementScope(JsonNode element, AttributeDefinition parent) {
        this.element = element;
        this.parent = parent;
    }

    @Override
    public Located lookup(AttributePath path) {
        if (path.schemaUrn() != null || parent == null) {
            return null;
        }
        List<JsonNode> values = new ArrayList<>(1);
        if (!parent.isComplex()) {
            if (!path.name().equalsIgnoreCase("value") || path.subAttribute() != null) {
                return null;
            }
            Scope.addValues(element, values);
            return new Located(parent, values);
        }
        AttributeDefinition attribute = parent.subAttribute(path.name()).orElse(null);
        if (attribute == null) {
            return null;
        }
        Scope.addValues(ScimJson.getIgnoreCase(element, attribute.name()), values);
        if (path.subAttribute() == null) {
            return new Located(attribute, values);
        }
        AttributeDefinition sub = attribute.subAttribute(path.subAttribute()).orElse(null);
        if (sub == null) {
            return null;
        }
        List<JsonNode> subValues = new ArrayList<>();
        for (JsonNode value : values) {
            Scope.addValues(ScimJson.getIgnoreCase(value, sub.name()), subValues);
        }
        return new Located(sub, subValues);
    }
}
