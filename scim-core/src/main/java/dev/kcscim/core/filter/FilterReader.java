package dev.kcscim.core.filter;

import static dev.kcscim.core.filter.FilterCursor.error;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.path.AttributePath;

/**
 * One pass of {@link FilterParser} over one input: recursive descent over the grammar of RFC 7644
 * §3.4.2.2, {@code or := and ("or" and)*}, {@code and := unary ("and" unary)*},
 * {@code unary := "not" "(" or ")" | "(" or ")" | attrPath ("[" or "]" ["." subAttr compare] | compare)}.
 * The and/or loops group to the left without recursion; only brackets and parentheses recurse, and
 * they are counted against {@link FilterParser#MAX_DEPTH}.
 */
final class FilterReader {

    private final FilterCursor in;
    private int depth;
    private int nodes;
    private boolean inValuePath;

    FilterReader(String text) {
        this.in = new FilterCursor(text);
    }

    Filter readFilter() {
        if (in.text.length() > FilterParser.MAX_LENGTH) {
            throw error("Filter is longer than " + FilterParser.MAX_LENGTH + " characters", FilterParser.MAX_LENGTH);
        }
        in.skipSpace();
        if (in.atEnd()) {
            throw error("Empty filter", in.pos);
        }
        Filter filter = readOr();
        in.skipSpace();
        if (!in.atEnd()) {
            throw in.unexpected();
        }
        return filter;
    }

    private Filter readOr() {
        Filter left = readAnd();
        while (keywordAhead("or")) {
            Filter right = readAnd();
            left = count(new Or(left, right));
        }
        return left;
    }

    private Filter readAnd() {
        Filter left = readUnary();
        while (keywordAhead("and")) {
            Filter right = readUnary();
            left = count(new And(left, right));
        }
        return left;
    }

    private Filter readUnary() {
        in.skipSpace();
        if (in.atEnd()) {
            throw error("Expected an attribute path, '(' or 'not'", in.pos);
        }
        if (in.peek() == '(') {
            return readGroup();
        }
        int start = in.pos;
        String word = readPathToken();
        if (word.isEmpty()) {
            throw in.unexpected();
        }
        if (word.equalsIgnoreCase("not") && in.nextNonSpace() == '(') {
            in.skipSpace();
            return count(new Not(readGroup()));
        }
        AttributePath path = toPath(word, start);
        if (!in.atEnd() && in.peek() == '[') {
            return readValuePath(path);
        }
        return readComparison(path);
    }

    private Filter readGroup() {
        int open = in.pos;
        in.pos++;
        enter(open);
        Filter inner = readOr();
        close(')', open);
        return inner;
    }

    private Filter readValuePath(AttributePath path) {
        int open = in.pos;
        if (inValuePath) {
            throw error("Value paths cannot be nested", open);
        }
        if (path.subAttribute() != null) {
            throw error("A value filter must follow a multi-valued attribute, not '" + path + "',", open);
        }
        in.pos++;
        enter(open);
        inValuePath = true;
        Filter inner = readOr();
        inValuePath = false;
        close(']', open);
        if (!in.atEnd() && in.peek() == '.') {
            // Entra ID matches users with emails[type eq "work"].value eq "x": same as [type eq "work" and value eq "x"]
            in.pos++;
            int start = in.pos;
            String sub = readPathToken();
            if (!AttributePath.isAttributeName(sub)) {
                throw error("Expected a sub-attribute name after ']'", start);
            }
            inner = count(new And(inner, readComparison(new AttributePath(null, sub, null))));
        }
        return count(new ValuePathFilter(path, inner));
    }

    private void close(char bracket, int open) {
        in.skipSpace();
        if (in.atEnd()) {
            throw error("Missing '" + bracket + "' for '" + in.text.charAt(open) + "' at position " + open + ";", in.pos);
        }
        if (in.peek() != bracket) {
            throw error("Expected '" + bracket + "'", in.pos);
        }
        in.pos++;
        depth--;
    }

    private Filter readComparison(AttributePath path) {
        if (!in.skipSpace() || in.atEnd()) {
            throw in.atEnd() ? error("Expected an operator", in.pos) : in.unexpected();
        }
        int opStart = in.pos;
        String word = in.readWord();
        if (word.isEmpty()) {
            throw in.unexpected();
        }
        if (word.equalsIgnoreCase("pr")) {
            return count(new Present(path));
        }
        CompareOp op = CompareOp.fromWire(word);
        if (op == null) {
            throw error("Unknown operator '" + word + "'", opStart);
        }
        if (!in.skipSpace() || in.atEnd()) {
            throw in.atEnd() ? error("Expected a value after '" + word + "'", in.pos) : in.unexpected();
        }
        return count(new Compare(path, op, FilterLiterals.readValue(in)));
    }

    /** An attribute path or keyword: everything up to a space, a bracket, a parenthesis or a quote. */
    private String readPathToken() {
        int start = in.pos;
        while (!in.atEnd() && !FilterCursor.isDelimiter(in.peek())) {
            in.pos++;
        }
        return in.text.substring(start, in.pos);
    }

    private static AttributePath toPath(String token, int start) {
        try {
            return AttributePath.parse(token);
        } catch (ScimException e) {
            throw error("Invalid attribute path '" + token + "'", start);
        }
    }

    /** Consumes {@code keyword} when it is the next word and is followed by a space or '('. */
    private boolean keywordAhead(String keyword) {
        int save = in.pos;
        in.skipSpace();
        int end = in.pos + keyword.length();
        if (end < in.text.length() && in.text.regionMatches(true, in.pos, keyword, 0, keyword.length())
                && (FilterCursor.isSpace(in.text.charAt(end)) || in.text.charAt(end) == '(')) {
            in.pos = end;
            return true;
        }
        in.pos = save;
        return false;
    }

    private void enter(int at) {
        if (++depth > FilterParser.MAX_DEPTH) {
            throw error("Filter nests deeper than " + FilterParser.MAX_DEPTH + " levels", at);
        }
    }

    private Filter count(Filter node) {
        if (++nodes > FilterParser.MAX_NODES) {
            throw error("Filter has more than " + FilterParser.MAX_NODES + " nodes", in.pos);
        }
        return node;
    }
}
