package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimDateTime;
import dev.kcscim.core.schema.AttributeDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** Type-aware comparison of one attribute value with one filter value (RFC 7644 §3.4.2.2, Table 3). */
final class ValueComparator {

    private ValueComparator() {
    }

    /** Rejects operator/type pairs RFC 7644 §3.4.2.2 forbids or that have no meaning, as 400 invalidFilter. */
    static void validate(AttributeDefinition attribute, CompareOp op, JsonNode expected) {
        String name = attribute.name();
        if (expected.isNull() && op != CompareOp.EQ && op != CompareOp.NE) {
            throw ScimException.invalidFilter("Operator '" + op.wireValue() + "' cannot compare '" + name + "' with null");
        }
        switch (attribute.type()) {
            case BOOLEAN -> {
                if (op.isOrdering() || op.isSubstring()) {
                    throw rejected(op, name, "boolean");
                }
            }
            case BINARY -> {
                if (op.isOrdering()) {
                    throw rejected(op, name, "binary");
                }
            }
            case INTEGER, DECIMAL -> {
                if (op.isSubstring()) {
                    throw rejected(op, name, attribute.type().wireValue());
                }
            }
            case DATE_TIME -> {
                if (!op.isSubstring() && !expected.isNull()
                        && (!expected.isTextual() || ScimDateTime.tryParse(expected.textValue()) == null)) {
                    throw ScimException.invalidFilter("'" + name + "' is a dateTime; " + expected + " is not");
                }
            }
            default -> {
            }
        }
    }

    /** Applies {@code op} (never NE, which the caller negates) to a non-null attribute value. */
    static boolean matches(AttributeDefinition attribute, CompareOp op, JsonNode actual, JsonNode expected) {
        switch (attribute.type()) {
            case BOOLEAN:
                Boolean left = asBoolean(actual);
                return left != null && left.equals(asBoolean(expected));
            case INTEGER:
            case DECIMAL:
                BigDecimal number = asNumber(actual);
                BigDecimal other = asNumber(expected);
                return number != null && other != null && ordered(op, number.compareTo(other));
            case DATE_TIME:
                if (!op.isSubstring()) {
                    Instant instant = actual.isTextual() ? ScimDateTime.tryParse(actual.textValue()) : null;
                    return instant != null && ordered(op, instant.compareTo(ScimDateTime.parse(expected.textValue())));
                }
                return compareText(op, actual, expected, attribute.caseExact());
            case BINARY:
                return compareText(op, actual, expected, true);
            case COMPLEX:
                return false;
            default:
                return compareText(op, actual, expected, attribute.caseExact());
        }
    }

    private static boolean compareText(CompareOp op, JsonNode actual, JsonNode expected, boolean caseExact) {
        if (!expected.isTextual() || actual.isContainerNode()) {
            return false;
        }
        String value = actual.asText();
        String filter = expected.textValue();
        if (!caseExact) {
            value = value.toLowerCase(Locale.ROOT);
            filter = filter.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
            case CO -> value.contains(filter);
            case SW -> value.startsWith(filter);
            case EW -> value.endsWith(filter);
            default -> ordered(op, value.compareTo(filter));
        };
    }

    private static boolean ordered(CompareOp op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> false;
        };
    }

    /** Booleans, or the strings "true"/"false" in any case, which some clients send. */
    private static Boolean asBoolean(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static BigDecimal asNumber(JsonNode node) {
        if (node.isNumber()) {
            return node.isBigDecimal() || node.isBigInteger() || node.canConvertToLong()
                    ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue());
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static ScimException rejected(CompareOp op, String name, String type) {
        return ScimException.invalidFilter("Operator '" + op.wireValue() + "' is not allowed on " + type
                + " attribute '" + name + "'");
    }
}
