package dev.kcscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimDateTime;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.Mutability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a PATCH value against its attribute definition (RFC 7643 §2.3 data types) and brings it to the
 * stored form. A value of the wrong type is {@code 400 invalidValue} (RFC 7644 §3.12). {@code null} and
 * {@code ""} are "no value" ({@code null} return): Entra's SCIM_Null_Update clears attributes with both.
 */
final class ValueCoercion {

    private ValueCoercion() {
    }

    /** True for JSON null, a missing value and the empty string: all mean "unassigned" to our IdPs. */
    static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty());
    }

    /** A simple (non-complex) value of {@code def}'s type, or null when {@code value} is empty. */
    static JsonNode simple(JsonNode value, AttributeDefinition def, String where) {
        if (isEmpty(value)) {
            return null;
        }
        switch (def.type()) {
            case BOOLEAN:
                if (value.isBoolean()) {
                    return value;
                }
                // Entra ID without aadOptscim062020 sends "False"/"True"; the validator sends emails[].primary as text
                if (value.isTextual()) {
                    String text = value.asText().trim().toLowerCase(Locale.ROOT);
                    if (text.equals("true") || text.equals("false")) {
                        return BooleanNode.valueOf(text.equals("true"));
                    }
                }
                throw wrongType(where, "a boolean", value);
            case INTEGER:
                if (value.isIntegralNumber()) {
                    return value;
                }
                throw wrongType(where, "an integer", value);
            case DECIMAL:
                if (value.isNumber()) {
                    return value;
                }
                throw wrongType(where, "a number", value);
            case DATE_TIME:
                if (value.isTextual() && ScimDateTime.tryParse(value.asText()) != null) {
                    return value; // stored as sent (Entra: "values are stored as sent")
                }
                throw wrongType(where, "an xsd:dateTime string", value);
            case COMPLEX:
                throw wrongType(where, "a complex value", value);
            default: // STRING, REFERENCE, BINARY are JSON strings (RFC 7643 §2.3.1, §2.3.6, §2.3.7)
                if (value.isTextual()) {
                    return value;
                }
                throw wrongType(where, "a string", value);
        }
    }

    /**
     * One value of the complex attribute {@code def} with canonical sub-attribute names. A sub-attribute
     * given as null or "" maps to {@code NullNode} ("remove it" when merging). readOnly sub-attributes are
     * dropped, as RFC 7644 §3.5.1 has them ignored in a body; unknown ones are {@code 400 invalidPath}.
     * A bare string stands for {@code {"value": string}} when {@code def} has a {@code value} sub-attribute
     * (manager sent as an id). Returns null for an empty value.
     */
    static ObjectNode complex(JsonNode value, AttributeDefinition def, String where) {
        if (isEmpty(value)) {
            return null;
        }
        if (!value.isObject()) {
            if (value.isValueNode() && def.subAttribute("value").isPresent()) {
                ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
                AttributeDefinition sub = def.subAttribute("value").get();
                wrapped.set(sub.name(), simple(value, sub, where + ".value"));
                return wrapped;
            }
            throw wrongType(where, "a JSON object", value);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            AttributeDefinition sub = def.subAttribute(field.getKey()).orElseThrow(() -> ScimException.invalidPath(
                    "'" + field.getKey() + "' is not a sub-attribute of '" + def.name() + "'"));
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode coerced = sub.multiValued()
                    ? simpleArray(field.getValue(), sub, where + "." + sub.name())
                    : simple(field.getValue(), sub, where + "." + sub.name());
            result.set(sub.name(), coerced == null ? NullNode.instance : coerced);
        }
        return result;
    }

    /**
     * The values of the multi-valued attribute {@code def}. A single value stands for a one-element list
     * (several clients send an object where RFC 7644 asks for an array); empty elements are skipped.
     */
    static List<JsonNode> elements(JsonNode value, AttributeDefinition def, String where) {
        List<JsonNode> result = new ArrayList<>();
        if (isEmpty(value)) {
            return result;
        }
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        for (JsonNode item : items) {
            JsonNode element = element(item, def, where);
            if (element != null) {
                result.add(element);
            }
        }
        return result;
    }

    /** One element of the multi-valued attribute {@code def}, without null members; null when empty. */
    static JsonNode element(JsonNode item, AttributeDefinition def, String where) {
        if (!def.isComplex()) {
            return simple(item, def, where);
        }
        ObjectNode element = complex(item, def, where);
        if (element == null) {
            return null;
        }
        // {"$ref": null, "value": "U"} from Entra: a null member is no member
        List<String> nulls = new ArrayList<>();
        element.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        element.remove(nulls);
        return element.isEmpty() ? null : element;
    }

    /**
     * The single value for a single-valued complex attribute: Entra sends manager as a one-element array
     * ({@code [{"$ref":..,"value":"M"}]}), so an array of one is unwrapped and an empty array is empty.
     */
    static JsonNode unwrapSingle(JsonNode value, String where) {
        if (value == null || !value.isArray()) {
            return value;
        }
        if (value.size() > 1) {
            throw ScimException.invalidValue("'" + where + "' is single-valued but got " + value.size() + " values");
        }
        return value.isEmpty() ? null : value.get(0);
    }

    private static JsonNode simpleArray(JsonNode value, AttributeDefinition def, String where) {
        if (isEmpty(value)) {
            return null;
        }
        var array = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            JsonNode coerced = simple(item, def, where);
            if (coerced != null) {
                array.add(coerced);
            }
        }
        return array.isEmpty() ? null : array;
    }

    private static ScimException wrongType(String where, String expected, JsonNode value) {
        return ScimException.invalidValue("'" + where + "' must be " + expected + ", not " + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
