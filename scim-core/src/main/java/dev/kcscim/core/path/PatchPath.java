package dev.kcscim.core.path;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.FilterParser;
import dev.kcscim.core.filter.FilterPrinter;
import java.util.Objects;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2 {@code PATH = attrPath / valuePath [subAttr]}):
 * {@code emails[type eq "work"].value} has attribute {@code emails}, value filter {@code type eq "work"}
 * (paths relative to the attribute) and sub-attribute {@code value}; {@code name.givenName} has only an
 * attribute path (with its sub-attribute). {@code valueFilter} and {@code subAttribute} are nullable.
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
    }

    /** Parses a PATCH path; any syntax error, also inside the brackets, is {@code 400 invalidPath}. */
    public static PatchPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidPath("Empty path");
        }
        int open = text.indexOf('[');
        if (open < 0) {
            return new PatchPath(AttributePath.parse(text), null, null);
        }
        AttributePath attribute = AttributePath.parse(text.substring(0, open));
        if (attribute.subAttribute() != null) {
            throw ScimException.invalidPath("A value filter must follow a multi-valued attribute, not '"
                    + attribute + "', in path '" + text + "'");
        }
        int close = closingBracket(text, open + 1);
        if (close < 0) {
            throw ScimException.invalidPath("Missing ']' in path '" + text + "'");
        }
        Filter filter;
        try {
            filter = FilterParser.parse(text.substring(open + 1, close));
        } catch (ScimException e) {
            throw ScimException.invalidPath("Invalid value filter in path '" + text + "': " + e.detail());
        }
        String rest = text.substring(close + 1);
        if (rest.isEmpty()) {
            return new PatchPath(attribute, filter, null);
        }
        if (rest.charAt(0) != '.' || !AttributePath.isAttributeName(rest.substring(1))) {
            throw ScimException.invalidPath("Unexpected '" + rest + "' after ']' in path '" + text + "'");
        }
        return new PatchPath(attribute, filter, rest.substring(1));
    }

    /** The canonical text of this path. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(attribute.toString());
        if (valueFilter != null) {
            text.append('[').append(FilterPrinter.print(valueFilter)).append(']');
        }
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    private static int closingBracket(String text, int from) {
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
