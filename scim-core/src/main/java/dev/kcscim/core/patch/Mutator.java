package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.JsonFilterEvaluator;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.Mutability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code add}, {@code replace} and {@code remove} (RFC 7644 §3.5.2.1-3) at a resolved
 * {@link Target} of a resource being patched. Multi-valued details live in {@link MultiValued}, typing in
 * {@link ValueCoercion}, and the checks that span the whole request in {@link ResourceInvariants}.
 */
final class Mutator {

    private final ObjectNode resource;
    private final JsonFilterEvaluator evaluator;

    Mutator(ObjectNode resource, JsonFilterEvaluator evaluator) {
        this.resource = resource;
        this.evaluator = evaluator;
    }

    /**
     * {@code add} or {@code replace}. They differ only for multi-valued attributes (add appends, replace
     * substitutes all values) and for a filter matching nothing (add may create the value); a complex
     * value is merged into the existing one by both (RFC 7644 §3.5.2.3: "Sub-attributes that are not
     * specified in the value parameter are left unchanged"). A replace of an unassigned attribute is an add.
     */
    void write(Target t, JsonNode value, boolean replace) {
        AttributeDefinition attribute = t.attribute();
        if (t.filter() != null) {
            writeFiltered(t, value, replace);
        } else if (attribute.multiValued()) {
            if (t.sub() != null) {
                writeSubOfAll(t, value);
            } else {
                writeValues(t, value, replace);
            }
        } else if (attribute.isComplex()) {
            ObjectNode current = currentObject(t);
            ObjectNode updated = current == null ? JsonNodeFactory.instance.objectNode() : current;
            if (t.sub() != null) {
                SubAttributes.set(updated, t.sub(), SubAttributes.value(t.sub(), value, t.text()), t.text());
            } else {
                ObjectNode given = ValueCoercion.complex(ValueCoercion.unwrapSingle(value, t.text()), attribute, t.text());
                if (given == null) {
                    // Entra's SCIM_Update_Manager removes the manager with a Replace of an empty value
                    updated.removeAll();
                } else {
                    SubAttributes.merge(updated, given, attribute, t.text());
                }
            }
            store(t, updated);
        } else {
            JsonNode coerced = ValueCoercion.simple(ValueCoercion.unwrapSingle(value, t.text()), attribute, t.text());
            if (coerced == null) {
                t.clear(resource);
            } else {
                t.set(resource, coerced);
            }
        }
    }

    /** {@code remove} (RFC 7644 §3.5.2.2); {@code value} is only used for Entra's remove-by-value. */
    void remove(Target t, JsonNode value) {
        AttributeDefinition attribute = t.attribute();
        if (t.filter() != null) {
            ArrayNode array = currentArray(t);
            List<ObjectNode> matches = matches(t, array);
            if (t.sub() == null) {
                matches.forEach(match -> MultiValued.removeIdentity(array, match));
            } else {
                matches.forEach(match -> SubAttributes.set(match, t.sub(), null, t.text()));
                MultiValued.dropEmpty(array);
            }
            storeArray(t, array);
        } else if (attribute.multiValued()) {
            ArrayNode array = currentArray(t);
            if (t.sub() != null) {
                for (JsonNode element : array) {
                    if (element.isObject()) {
                        SubAttributes.set((ObjectNode) element, t.sub(), null, t.text());
                    }
                }
                MultiValued.dropEmpty(array);
            } else if (!ValueCoercion.isEmpty(value)) {
                // Entra: {"op":"Remove","path":"members","value":[{"value":"u1"}]} removes only those members
                for (JsonNode gone : ValueCoercion.elements(value, attribute, t.text())) {
                    MultiValued.removeWhere(array, existing -> MultiValued.sameValue(existing, gone, attribute, true));
                }
            } else {
                array.removeAll();
            }
            storeArray(t, array);
        } else if (t.sub() != null) {
            ObjectNode current = currentObject(t);
            if (current != null) {
                SubAttributes.set(current, t.sub(), null, t.text());
                store(t, current);
            }
        } else {
            t.clear(resource);
        }
    }

    private void writeValues(Target t, JsonNode value, boolean replace) {
        List<JsonNode> given = ValueCoercion.elements(value, t.attribute(), t.text());
        ArrayNode array = replace ? JsonNodeFactory.instance.arrayNode() : currentArray(t);
        MultiValued.addAll(array, given, t.attribute());
        storeArray(t, array);
    }

    private void writeSubOfAll(Target t, JsonNode value) {
        JsonNode coerced = SubAttributes.value(t.sub(), value, t.text());
        ArrayNode array = currentArray(t);
        if (array.isEmpty()) {
            // Nothing to update: like a replace of an unassigned attribute, this adds one value
            ObjectNode created = JsonNodeFactory.instance.objectNode();
            SubAttributes.set(created, t.sub(), coerced, t.text());
            if (!created.isEmpty()) {
                array.add(created);
            }
        } else {
            for (JsonNode element : array) {
                if (element.isObject()) {
                    SubAttributes.set((ObjectNode) element, t.sub(), coerced, t.text());
                }
            }
            MultiValued.dropEmpty(array);
            MultiValued.checkPrimaryCount(array, t.text());
        }
        storeArray(t, array);
    }

    private void writeFiltered(Target t, JsonNode value, boolean replace) {
        ArrayNode array = currentArray(t);
        List<ObjectNode> matches = matchesOrEmpty(t, array);
        if (t.sub() != null) {
            JsonNode coerced = SubAttributes.value(t.sub(), value, t.text());
            if (matches.isEmpty()) {
                // RFC 7644 §3.5.2.3 makes this noTarget for replace; for add, Entra expects
                // emails[type eq "work"].value to create the work email (as the UnboundID SDK does)
                Optional<ObjectNode> seed = replace || coerced == null ? Optional.empty()
                        : MultiValued.seed(t.filter(), t.attribute());
                ObjectNode created = seed.orElseThrow(() -> noMatch(t));
                SubAttributes.set(created, t.sub(), coerced, t.text());
                array.add(created);
                matches = List.of(created);
            } else {
                for (ObjectNode match : matches) {
                    SubAttributes.set(match, t.sub(), coerced, t.text());
                }
            }
        } else {
            if (matches.isEmpty()) {
                throw noMatch(t);
            }
            ObjectNode given = ValueCoercion.complex(ValueCoercion.unwrapSingle(value, t.text()), t.attribute(), t.text());
            for (ObjectNode match : matches) {
                if (given == null) {
                    MultiValued.removeIdentity(array, match);
                    continue;
                }
                if (replace) {
                    // "all matching record values SHALL be replaced" (RFC 7644 §3.5.2.3)
                    for (AttributeDefinition sub : t.attribute().subAttributes()) {
                        if (!given.has(sub.name()) && sub.mutability() != Mutability.READ_ONLY) {
                            SubAttributes.set(match, sub, null, t.text());
                        }
                    }
                }
                SubAttributes.merge(match, given, t.attribute(), t.text());
            }
        }
        MultiValued.dropEmpty(array);
        for (ObjectNode match : matches) {
            MultiValued.keepSinglePrimary(array, match);
        }
        storeArray(t, array);
    }

    private List<ObjectNode> matches(Target t, ArrayNode array) {
        List<ObjectNode> matches = matchesOrEmpty(t, array);
        if (matches.isEmpty()) {
            throw noMatch(t);
        }
        return matches;
    }

    private List<ObjectNode> matchesOrEmpty(Target t, ArrayNode array) {
        List<ObjectNode> matches = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isObject() && evaluator.matchesValue(t.filter(), element, t.attribute())) {
                matches.add((ObjectNode) element);
            }
        }
        return matches;
    }

    private static ScimException noMatch(Target t) {
        // RFC 7644 §3.12 noTarget: "the specified path value contains a filter that yields no match"
        return ScimException.noTarget("No value matches the filter of '" + t.text() + "'");
    }

    private ObjectNode currentObject(Target t) {
        JsonNode current = t.current(resource);
        return current != null && current.isObject() ? (ObjectNode) current : null;
    }

    /** The stored values; a lone object where an array belongs is read as one value. */
    private ArrayNode currentArray(Target t) {
        JsonNode current = t.current(resource);
        if (current == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (current.isArray()) {
            return (ArrayNode) current;
        }
        return JsonNodeFactory.instance.arrayNode().add(current);
    }

    private void store(Target t, ObjectNode value) {
        if (value.isEmpty()) {
            t.clear(resource);
        } else {
            t.set(resource, value);
        }
    }

    private void storeArray(Target t, ArrayNode array) {
        if (array.isEmpty()) {
            t.clear(resource);
        } else {
            t.set(resource, array);
        }
    }
}
