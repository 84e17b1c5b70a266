package dev.kcscim.core.filter;

import dev.kcscim.core.path.AttributePath;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as an immutable tree. Backends are visitors ({@link FilterVisitor}),
 * so adding a node type breaks every backend at compile time. The static builders take attribute paths as
 * text ({@code "emails.value"}, URN-qualified names) and plain Java values (String, Number, Boolean, null,
 * {@code Instant}, or a {@code JsonNode}), e.g. {@code Filter.and(Filter.eq("userName", "bjensen"), Filter.pr("title"))}.
 */
public sealed interface Filter permits Compare, Present, And, Or, Not, ValuePathFilter {

    <R> R accept(FilterVisitor<R> visitor);

    static Filter eq(String path, Object value) {
        return compare(path, CompareOp.EQ, value);
    }

    static Filter ne(String path, Object value) {
        return compare(path, CompareOp.NE, value);
    }

    static Filter co(String path, Object value) {
        return compare(path, CompareOp.CO, value);
    }

    static Filter sw(String path, Object value) {
        return compare(path, CompareOp.SW, value);
    }

    static Filter ew(String path, Object value) {
        return compare(path, CompareOp.EW, value);
    }

    static Filter gt(String path, Object value) {
        return compare(path, CompareOp.GT, value);
    }

    static Filter ge(String path, Object value) {
        return compare(path, CompareOp.GE, value);
    }

    static Filter lt(String path, Object value) {
        return compare(path, CompareOp.LT, value);
    }

    static Filter le(String path, Object value) {
        return compare(path, CompareOp.LE, value);
    }

    static Filter compare(String path, CompareOp op, Object value) {
        return new Compare(AttributePath.parse(path), op, FilterValues.toNode(value));
    }

    static Filter pr(String path) {
        return new Present(AttributePath.parse(path));
    }

    /** The conjunction of {@code filters}, grouped to the left as the parser groups {@code a and b and c}. */
    static Filter and(Filter... filters) {
        Filter result = requireOperands(filters)[0];
        for (int i = 1; i < filters.length; i++) {
            result = new And(result, filters[i]);
        }
        return result;
    }

    /** The disjunction of {@code filters}, grouped to the left. */
    static Filter or(Filter... filters) {
        Filter result = requireOperands(filters)[0];
        for (int i = 1; i < filters.length; i++) {
            result = new Or(result, filters[i]);
        }
        return result;
    }

    static Filter not(Filter inner) {
        return new Not(inner);
    }

    /** {@code attribute[inner]}: some value of the multi-valued complex attribute matches {@code inner}. */
    static Filter valuePath(String attribute, Filter inner) {
        return new ValuePathFilter(AttributePath.parse(attribute), inner);
    }

    private static Filter[] requireOperands(Filter[] filters) {
        if (filters == null || filters.length == 0) {
            throw new IllegalArgumentException("at least one filter is required");
        }
        return filters;
    }
}
