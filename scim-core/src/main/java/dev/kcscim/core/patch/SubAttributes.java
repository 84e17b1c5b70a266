package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.Mutability;
import java.util.List;

/** Edits of the sub-attributes of one complex value, honouring {@code immutable} (RFC 7643 §2.2). */
final class SubAttributes {

    private SubAttributes() {
    }

    /** Merges the members of {@code given} (NullNode = remove) into {@code target}, checking mutability. */
    static void merge(ObjectNode target, ObjectNode given, AttributeDefinition def, String where) {
        given.properties().forEach(field -> {
            // given was built by ValueCoercion.complex, so every key is a declared sub-attribute
            AttributeDefinition sub = def.subAttribute(field.getKey()).orElseThrow();
            set(target, sub, field.getValue().isNull() ? null : field.getValue(), where);
        });
    }

    /**
     * Sets (or with null removes) one sub-attribute, keeping the stored spelling of its name. An
     * {@code immutable} sub-attribute that has a value cannot change (RFC 7643 §2.2: "SHALL NOT be updated").
     */
    static void set(ObjectNode target, AttributeDefinition sub, JsonNode value, String where) {
        String key = MultiValued.keyOf(target, sub.name());
        JsonNode old = target.get(key);
        boolean had = old != null && !old.isNull();
        if (sub.mutability() == Mutability.IMMUTABLE && had && !old.equals(value)) {
            throw ScimException.mutability("'" + sub.name() + "' of '" + where + "' is immutable and already set");
        }
        if (value == null) {
            target.remove(key);
        } else {
            target.set(key, value);
        }
    }

    /** {@code value} typed for {@code sub} (an array when {@code sub} is multi-valued), or null when empty. */
    static JsonNode value(AttributeDefinition sub, JsonNode value, String where) {
        if (sub.multiValued()) {
            List<JsonNode> values = ValueCoercion.elements(value, sub, where);
            return values.isEmpty() ? null : JsonNodeFactory.instance.arrayNode().addAll(values);
        }
        return ValueCoercion.simple(ValueCoercion.unwrapSingle(value, where), sub, where);
    }
}
