package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.And;
import dev.kcscim.core.filter.Compare;
import dev.kcscim.core.filter.CompareOp;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Set semantics of multi-valued attributes for PATCH: no duplicate values on add (RFC 7644 §3.5.2.1: "If
 * the target location already contains the value specified, no changes SHOULD be made"), value matching for Entra's
 * {@code remove} with a value array, and {@code primary} uniqueness (RFC 7643 §2.4: "The primary
 * attribute value true MUST appear no more than once").
 */
final class MultiValued {

    private static final String PRIMARY = "primary";
    private static final String VALUE = "value";

    private MultiValued() {
    }

    /**
     * Adds each of {@code elements} as {@link #add} does, the last primary one winning. Reference lists are
     * indexed by value so that Okta's full membership push of thousands of members stays linear.
     */
    static void addAll(ArrayNode array, List<JsonNode> elements, AttributeDefinition def) {
        if (!isReferenceList(def)) {
            for (JsonNode element : elements) {
                keepSinglePrimary(array, add(array, element, def));
            }
            return;
        }
        Set<JsonNode> values = new HashSet<>();
        for (JsonNode existing : array) {
            JsonNode value = ScimJson.getIgnoreCase(existing, VALUE);
            if (value != null) {
                values.add(value);
            }
        }
        for (JsonNode element : elements) {
            JsonNode value = ScimJson.getIgnoreCase(element, VALUE);
            if (value == null || values.add(value)) {
                array.add(element);
            }
        }
    }

    /**
     * Adds {@code element} to {@code array} unless an equal value is there, and returns the stored element.
     * A duplicate that comes with {@code primary: true} makes the stored element primary.
     */
    static JsonNode add(ArrayNode array, JsonNode element, AttributeDefinition def) {
        for (JsonNode existing : array) {
            if (sameValue(existing, element, def, false)) {
                if (isPrimary(element) && existing.isObject()) {
                    ObjectNode stored = (ObjectNode) existing;
                    stored.set(keyOf(stored, PRIMARY), BooleanNode.TRUE);
                }
                return existing;
            }
        }
        array.add(element);
        return element;
    }

    /**
     * Whether {@code candidate} denotes {@code existing}. Reference lists (attributes with a {@code $ref}
     * sub-attribute, such as members) compare by {@code value}: a member is its id whatever its display.
     * Otherwise, for removal, every member of the candidate must be present and equal in the existing
     * element ({@code [{"value":"a@x"}]} removes the work email a@x); for adding, the values must be
     * equal apart from {@code primary}.
     */
    static boolean sameValue(JsonNode existing, JsonNode candidate, AttributeDefinition def, boolean subset) {
        if (!def.isComplex()) {
            return existing.equals(candidate);
        }
        if (!existing.isObject() || !candidate.isObject()) {
            return false;
        }
        if (isReferenceList(def)) {
            JsonNode a = ScimJson.getIgnoreCase(existing, VALUE);
            JsonNode b = ScimJson.getIgnoreCase(candidate, VALUE);
            return a != null && a.equals(b);
        }
        if (!containsAll(existing, candidate)) {
            return false;
        }
        return subset || containsAll(candidate, existing);
    }

    /** Attributes whose values are references (members, groups): a value is identified by its id. */
    static boolean isReferenceList(AttributeDefinition def) {
        return def.isComplex() && def.subAttribute("$ref").isPresent() && def.subAttribute(VALUE).isPresent();
    }

    /** Makes {@code winner} the only primary value when it is primary (RFC 7643 §2.4). */
    static void keepSinglePrimary(ArrayNode array, JsonNode winner) {
        if (!isPrimary(winner)) {
            return;
        }
        for (JsonNode element : array) {
            if (element != winner && isPrimary(element)) {
                ((ObjectNode) element).set(keyOf(element, PRIMARY), BooleanNode.FALSE);
            }
        }
    }

    static boolean isPrimary(JsonNode element) {
        JsonNode primary = ScimJson.getIgnoreCase(element, PRIMARY);
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    /**
     * The element a value filter of equalities describes ({@code type eq "work"} gives
     * {@code {"type":"work"}}), or empty when the filter is anything else. Lets {@code add} with
     * {@code emails[type eq "work"].value} create the work email when there is none, as Entra ID expects.
     */
    static Optional<ObjectNode> seed(Filter filter, AttributeDefinition def) {
        ObjectNode seed = JsonNodeFactory.instance.objectNode();
        return fill(seed, filter, def) ? Optional.of(seed) : Optional.empty();
    }

    /** {@code 400 invalidValue} when more than one value is primary (RFC 7643 §2.4). */
    static void checkPrimaryCount(ArrayNode array, String where) {
        int primaries = 0;
        for (JsonNode element : array) {
            primaries += MultiValued.isPrimary(element) ? 1 : 0;
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("'" + where + "' would mark " + primaries
                    + " values primary; RFC 7643 §2.4 allows one");
        }
    }

    /** Removes {@code element} itself (not an equal value) from {@code array}. */
    static void removeIdentity(ArrayNode array, JsonNode element) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == element) {
                array.remove(i);
                return;
            }
        }
    }

    /** Removes values left without any sub-attribute. */
    static void dropEmpty(ArrayNode array) {
        removeWhere(array, element -> element.isObject() && element.isEmpty());
    }

    static void removeWhere(ArrayNode array, Predicate<JsonNode> condition) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (condition.test(array.get(i))) {
                array.remove(i);
            }
        }
    }

    /** The key under which {@code object} stores {@code name}, or {@code name} when absent. */
    static String keyOf(JsonNode object, String name) {
        String key = ScimJson.actualFieldName(object, name);
        return key == null ? name : key;
    }

    private static boolean fill(ObjectNode seed, Filter filter, AttributeDefinition def) {
        if (filter instanceof And) {
            And and = (And) filter;
            return fill(seed, and.left(), def) && fill(seed, and.right(), def);
        }
        if (!(filter instanceof Compare)) {
            return false;
        }
        Compare compare = (Compare) filter;
        if (compare.op() != CompareOp.EQ || compare.path().schemaUrn() != null
                || compare.path().subAttribute() != null || compare.value().isNull()) {
            return false;
        }
        Optional<AttributeDefinition> sub = def.subAttribute(compare.path().name());
        if (sub.isEmpty() || seed.has(sub.get().name())) {
            return false;
        }
        seed.set(sub.get().name(), ValueCoercion.simple(compare.value(), sub.get(), def.name() + "." + sub.get().name()));
        return true;
    }

    /** Every member of {@code part} other than {@code primary} is in {@code whole} with an equal value. */
    private static boolean containsAll(JsonNode whole, JsonNode part) {
        for (Map.Entry<String, JsonNode> field : part.properties()) {
            if (field.getKey().equalsIgnoreCase(PRIMARY)) {
                continue;
            }
            JsonNode other = ScimJson.getIgnoreCase(whole, field.getKey());
            if (other == null || !other.equals(field.getValue())) {
                return false;
            }
        }
        return true;
    }
}
