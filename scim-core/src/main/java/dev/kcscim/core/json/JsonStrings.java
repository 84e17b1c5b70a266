package dev.kcscim.core.json;

/** JSON string literals (RFC 8259 §7) written into a buffer, without a serialiser. */
public final class JsonStrings {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /**
     * Appends {@code text} as a quoted JSON string: {@code "} and {@code \} escaped, the short escapes for
     * backspace, tab, newline, form feed and carriage return, {@code \}{@code u00XX} for the other control
     * characters (hex digits upper- or lower-case), every other character as is.
     */
    public static void appendQuoted(StringBuilder out, String text, boolean upperCaseHex) {
        char[] hex = upperCaseHex ? UPPER_HEX : LOWER_HEX;
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
