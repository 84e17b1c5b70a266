package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;

/** Conversion of Java and JSON values to the normalised comparison values of {@link Compare}. */
final class FilterValues {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private FilterValues() {
    }

    static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof JsonNode node) {
            return normalize(node);
        }
        if (value instanceof CharSequence || value instanceof TemporalAccessor) {
            return TextNode.valueOf(value.toString());
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof BigDecimal decimal) {
            return normalize(DecimalNode.valueOf(decimal));
        }
        if (value instanceof BigInteger integer) {
            return integer(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            return normalize(DecimalNode.valueOf(BigDecimal.valueOf(((Number) value).doubleValue())));
        }
        if (value instanceof Number number) {
            return integer(BigInteger.valueOf(number.longValue()));
        }
        throw new IllegalArgumentException("not a filter value: " + value.getClass().getName());
    }

    static JsonNode normalize(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return NullNode.instance;
        }
        if (value.isTextual() || value.isBoolean() || value.isNull()) {
            return value;
        }
        if (value.isIntegralNumber()) {
            return integer(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.isBigDecimal() ? value.decimalValue() : BigDecimal.valueOf(value.doubleValue());
            return decimal.scale() == 0 ? integer(decimal.toBigIntegerExact()) : DecimalNode.valueOf(decimal);
        }
        throw new IllegalArgumentException("a filter value must be a string, number, boolean or null: " + value);
    }

    static JsonNode integer(BigInteger value) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
            return IntNode.valueOf(value.intValue());
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return LongNode.valueOf(value.longValue());
        }
        return BigIntegerNode.valueOf(value);
    }
}
