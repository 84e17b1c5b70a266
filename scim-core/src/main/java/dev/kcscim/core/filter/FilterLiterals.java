package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads {@code compValue} (RFC 7644 §3.4.2.2): {@code false / null / true / number / string} with the JSON
 * syntax of RFC 8259 §6-7. The words are case-insensitive, as ABNF literals are.
 */
final class FilterLiterals {

    private FilterLiterals() {
    }

    static JsonNode readValue(FilterCursor in) {
        char c = in.peek();
        if (c == '"') {
            return TextNode.valueOf(readString(in));
        }
        if (c == '-' || FilterCursor.isDigit(c)) {
            return readNumber(in);
        }
        int start = in.pos;
        String word = in.readWord();
        if (word.equalsIgnoreCase("true")) {
            return BooleanNode.TRUE;
        }
        if (word.equalsIgnoreCase("false")) {
            return BooleanNode.FALSE;
        }
        if (word.equalsIgnoreCase("null")) {
            return NullNode.instance;
        }
        throw FilterCursor.error("Expected a string, number, true, false or null", start);
    }

    private static String readString(FilterCursor in) {
        int start = in.pos;
        in.pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (in.atEnd()) {
                throw FilterCursor.error("Unterminated string starting", start);
            }
            char c = in.peek();
            if (c == '"') {
                in.pos++;
                return value.toString();
            }
            if (c < 0x20) {
                throw FilterCursor.error("Control character in string", in.pos);
            }
            if (c == '\\') {
                value.append(readEscape(in));
            } else {
                value.append(c);
                in.pos++;
            }
        }
    }

    private static char readEscape(FilterCursor in) {
        int start = in.pos;
        if (start + 1 >= in.text.length()) {
            throw FilterCursor.error("Unterminated escape sequence", start);
        }
        char c = in.text.charAt(start + 1);
        in.pos += 2;
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicode(in, start);
            default -> throw FilterCursor.error("Invalid escape '\\" + c + "'", start);
        };
    }

    private static char readUnicode(FilterCursor in, int start) {
        if (in.pos + 4 > in.text.length()) {
            throw FilterCursor.error("Invalid \\u escape", start);
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in.text.charAt(in.pos + i), 16);
            if (digit < 0) {
                throw FilterCursor.error("Invalid \\u escape", start);
            }
            code = code * 16 + digit;
        }
        in.pos += 4;
        return (char) code;
    }

    /** RFC 8259 §6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private static JsonNode readNumber(FilterCursor in) {
        int start = in.pos;
        if (in.peek() == '-') {
            in.pos++;
        }
        if (in.atEnd() || !FilterCursor.isDigit(in.peek())) {
            throw FilterCursor.error("Expected a digit", in.pos);
        }
        if (in.peek() == '0') {
            in.pos++;
        } else {
            skipDigits(in);
        }
        boolean decimal = false;
        if (!in.atEnd() && in.peek() == '.') {
            in.pos++;
            requireDigits(in);
            decimal = true;
        }
        if (!in.atEnd() && (in.peek() == 'e' || in.peek() == 'E')) {
            in.pos++;
            if (!in.atEnd() && (in.peek() == '+' || in.peek() == '-')) {
                in.pos++;
            }
            requireDigits(in);
            decimal = true;
        }
        String number = in.text.substring(start, in.pos);
        if (!decimal) {
            return FilterValues.integer(new BigInteger(number));
        }
        try {
            return DecimalNode.valueOf(new BigDecimal(number));
        } catch (NumberFormatException e) {
            throw FilterCursor.error("Number out of range", start);
        }
    }

    private static void requireDigits(FilterCursor in) {
        if (in.atEnd() || !FilterCursor.isDigit(in.peek())) {
            throw FilterCursor.error("Expected a digit", in.pos);
        }
        skipDigits(in);
    }

    private static void skipDigits(FilterCursor in) {
        while (!in.atEnd() && FilterCursor.isDigit(in.peek())) {
            in.pos++;
        }
    }
}
