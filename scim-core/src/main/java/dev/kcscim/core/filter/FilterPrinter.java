package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.JsonStrings;

/**
 * Prints a filter in canonical form: single spaces, lower-case operators and keywords, JSON literals,
 * and parentheses only where the precedence of RFC 7644 §3.4.2.2 (not &gt; and &gt; or, left-grouped)
 * needs them. {@code FilterParser.parse(print(f))} equals {@code f} for every tree the parser accepts
 * (builders can also make trees the grammar cannot express, such as nested value paths).
 */
public final class FilterPrinter implements FilterVisitor<StringBuilder> {

    private final StringBuilder out = new StringBuilder();

    private FilterPrinter() {
    }

    public static String print(Filter filter) {
        return filter.accept(new FilterPrinter()).toString();
    }

    @Override
    public StringBuilder visit(Compare filter) {
        out.append(filter.path()).append(' ').append(filter.op().wireValue()).append(' ');
        appendValue(filter.value());
        return out;
    }

    @Override
    public StringBuilder visit(Present filter) {
        return out.append(filter.path()).append(" pr");
    }

    @Override
    public StringBuilder visit(And filter) {
        operand(filter.left(), filter.left() instanceof Or);
        out.append(" and ");
        return operand(filter.right(), filter.right() instanceof Or || filter.right() instanceof And);
    }

    @Override
    public StringBuilder visit(Or filter) {
        operand(filter.left(), false);
        out.append(" or ");
        return operand(filter.right(), filter.right() instanceof Or);
    }

    @Override
    public StringBuilder visit(Not filter) {
        out.append("not (");
        filter.inner().accept(this);
        return out.append(')');
    }

    @Override
    public StringBuilder visit(ValuePathFilter filter) {
        out.append(filter.path()).append('[');
        filter.inner().accept(this);
        return out.append(']');
    }

    private StringBuilder operand(Filter filter, boolean parenthesise) {
        if (parenthesise) {
            out.append('(');
        }
        filter.accept(this);
        return parenthesise ? out.append(')') : out;
    }

    private void appendValue(JsonNode value) {
        if (value.isTextual()) {
            appendString(value.textValue());
        } else if (value.isBigDecimal()) {
            out.append(value.decimalValue().toString());
        } else {
            out.append(value.asText());
        }
    }

    /** Writes a JSON string (RFC 8259 §7), escaping quotes, backslashes and control characters. */
    private void appendString(String value) {
        JsonStrings.appendQuoted(out, value, false);
    }
}
