package dev.kcscim.core.filter;

/**
 * Parses the filter grammar of RFC 7644 §3.4.2.2: the operators of Table 3 ({@code eq ne co sw ew gt ge
 * lt le pr}), {@code and}/{@code or}/{@code not (...)} with precedence not &gt; and &gt; or, parentheses,
 * value paths {@code emails[type eq "work" and value co "@x"]} and JSON literals (RFC 8259 strings with all
 * escapes, numbers, {@code true}/{@code false}/{@code null}). Operators and keywords are case-insensitive.
 * {@code emails[type eq "work"].value eq "x"}, which Entra ID sends, is read as
 * {@code emails[type eq "work" and value eq "x"]}.
 *
 * <p>Every failure is {@code 400 invalidFilter} whose detail ends with "at position N", N being the
 * zero-based index of the offending character. Input is bounded by {@link #MAX_LENGTH} characters,
 * {@link #MAX_DEPTH} levels of parentheses, {@code not} and brackets, and {@link #MAX_NODES} tree nodes,
 * so parsing is linear and never exhausts the stack; and/or chains build left-grouped trees without
 * recursion.
 */
public final class FilterParser {

    /** Longest filter accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** Deepest nesting of {@code (}, {@code not (} and {@code [} accepted. */
    public static final int MAX_DEPTH = 50;
    /** Most nodes (comparisons, logical operators) one filter may have. */
    public static final int MAX_NODES = 1_000;

    private FilterParser() {
    }

    /** Parses {@code text}; throws {@code ScimException} 400 invalidFilter with the position on any error. */
    public static Filter parse(String text) {
        return new FilterReader(text).readFilter();
    }
}
