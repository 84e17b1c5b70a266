package dev.kcscim.core.filter;

import dev.kcscim.core.error.ScimException;

/** A position in filter text, with the character classes of RFC 7644 §3.4.2.2 and positioned errors. */
final class FilterCursor {

    final String text;
    int pos;

    FilterCursor(String text) {
        this.text = text == null ? "" : text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    /** Skips spaces; true when at least one was skipped. */
    boolean skipSpace() {
        int start = pos;
        while (!atEnd() && isSpace(peek())) {
            pos++;
        }
        return pos > start;
    }

    /** The next character that is not a space, or 0 at the end; does not move. */
    char nextNonSpace() {
        int i = pos;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? text.charAt(i) : 0;
    }

    /** Reads letters only (operators and literal words). */
    String readWord() {
        int start = pos;
        while (!atEnd() && isLetter(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    ScimException unexpected() {
        return error("Unexpected '" + peek() + "'", pos);
    }

    static ScimException error(String message, int position) {
        return ScimException.invalidFilter(message + " at position " + position);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDelimiter(char c) {
        return isSpace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
