package dev.kcscim.core.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.CompareOp;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.PatchOp;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.path.PatchPath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.Mutability;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deltas of a multi-valued attribute: values are identified by their {@code value} sub-attribute, so one
 * new member is one {@code add} and one lost member one {@code remove members[value eq "x"]}
 * (RFC 7644 §3.5.2.2). When values cannot be told apart that way (no {@code value}, duplicates, or two
 * values that differ only in case, which a filter on a caseExact=false {@code value} cannot separate),
 * the attribute is replaced as a whole (RFC 7644 §3.5.2.3).
 */
final class MultiValuedDiff {

    private static final String VALUE = "value";

    private MultiValuedDiff() {
    }

    static void diff(AttributePath path, AttributeDefinition attribute, JsonNode before, JsonNode after,
            List<PatchOperation> operations) {
        PatchPath whole = new PatchPath(path, null, null);
        ArrayNode newValues = asArray(after);
        if (before == null) {
            operations.add(ResourceDiff.op(PatchOp.ADD, whole, newValues));
            return;
        }
        Map<String, JsonNode> oldByValue = byValue(attribute, asArray(before));
        Map<String, JsonNode> newByValue = byValue(attribute, newValues);
        if (oldByValue == null || newByValue == null || collideIgnoringCase(oldByValue, newByValue)) {
            operations.add(ResourceDiff.op(PatchOp.REPLACE, whole, newValues));
            return;
        }
        ArrayNode added = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, JsonNode> old : oldByValue.entrySet()) {
            if (!newByValue.containsKey(old.getKey())) {
                operations.add(ResourceDiff.op(PatchOp.REMOVE, filtered(path, old.getValue()), null));
            }
        }
        for (Map.Entry<String, JsonNode> value : newByValue.entrySet()) {
            JsonNode old = oldByValue.get(value.getKey());
            if (old == null) {
                added.add(value.getValue());
            } else if (!old.equals(value.getValue())
                    && !writable(old, attribute).equals(writable(value.getValue(), attribute))) {
                if (changesImmutable(old, value.getValue(), attribute)) {
                    // members[...].type is immutable (RFC 7643 §4.2): send the value again instead
                    operations.add(ResourceDiff.op(PatchOp.REMOVE, filtered(path, old), null));
                    added.add(value.getValue());
                } else {
                    operations.add(ResourceDiff.op(PatchOp.REPLACE, filtered(path, old), value.getValue()));
                }
            }
        }
        if (!added.isEmpty()) {
            operations.add(ResourceDiff.op(PatchOp.ADD, whole, added));
        }
    }

    /** The element without its readOnly sub-attributes, which a PATCH neither sends nor changes. */
    private static JsonNode writable(JsonNode element, AttributeDefinition attribute) {
        ObjectNode copy = ((ObjectNode) element).deepCopy();
        for (AttributeDefinition sub : attribute.subAttributes()) {
            if (sub.mutability() == Mutability.READ_ONLY) {
                copy.remove(MultiValuedDiff.keysOf(copy, sub.name()));
            }
        }
        return copy;
    }

    private static boolean changesImmutable(JsonNode before, JsonNode after, AttributeDefinition attribute) {
        for (AttributeDefinition sub : attribute.subAttributes()) {
            JsonNode old = Values.present(ScimJson.getIgnoreCase(before, sub.name()));
            if (sub.mutability() == Mutability.IMMUTABLE && old != null
                    && !old.equals(Values.present(ScimJson.getIgnoreCase(after, sub.name())))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> keysOf(JsonNode object, String name) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(key -> {
            if (key.equalsIgnoreCase(name)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** {@code attr[value eq <the element's value>]}, the value compared with its JSON type. */
    private static PatchPath filtered(AttributePath path, JsonNode element) {
        JsonNode value = ScimJson.getIgnoreCase(element, VALUE);
        return new PatchPath(path, new Compare(AttributePath.of(VALUE), CompareOp.EQ, value), null);
    }

    /** The values keyed by their {@code value} text, or null when they cannot be keyed uniquely. */
    private static Map<String, JsonNode> byValue(AttributeDefinition attribute, ArrayNode values) {
        if (!attribute.isComplex() || attribute.subAttribute(VALUE).isEmpty()) {
            return null;
        }
        Map<String, JsonNode> keyed = new LinkedHashMap<>();
        for (JsonNode element : values) {
            JsonNode value = ScimJson.getIgnoreCase(element, VALUE);
            if (!element.isObject() || value == null || !value.isValueNode() || value.isNull()
                    || keyed.put(value.toString(), element) != null) {
                return null;
            }
        }
        return keyed;
    }

    private static boolean collideIgnoringCase(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        Set<String> folded = new HashSet<>();
        for (String key : all) {
            folded.add(key.toLowerCase(Locale.ROOT));
        }
        return folded.size() != all.size();
    }

    private static ArrayNode asArray(JsonNode value) {
        return value.isArray() ? (ArrayNode) value : JsonNodeFactory.instance.arrayNode().add(value);
    }
}
