package dev.kcscim.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.filter.FilterParser;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.message.SortOrder;
import dev.kcscim.core.projection.Projection;
import java.util.ArrayList;
import java.util.List;

/**
 * A query over a resource type (RFC 7644 §3.4.2, §3.4.3): filter, sort, page and projection, from query
 * parameters or a {@code .search} body. Index paging: {@code startIndex} below 1 is read as 1 and a negative
 * {@code count} as 0 (§3.4.2.4); {@code count} defaults to and is capped at {@link ScimLimits#maxPageSize()}.
 * Cursor paging (RFC 9865): {@code cursor} is non-null ({@code ""} asks for the first page) and cannot be
 * combined with {@code startIndex}. A {@code .search} body must name the SearchRequest schema.
 */
public record ListQuery(Filter filter, String sortBy, SortOrder sortOrder, int startIndex, int count,
                        Projection projection, String cursor) {

    public ListQuery(Filter filter, String sortBy, SortOrder sortOrder, int startIndex, int count, Projection projection) {
        this(filter, sortBy, sortOrder, startIndex, count, projection, null);
    }


    /** From the query parameters of a GET. */
    public static ListQuery of(String filter, String sortBy, String sortOrder, String startIndex, String count,
                               String attributes, String excludedAttributes) {
        return of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, null);
    }

    /** From the query parameters of a GET, with the RFC 9865 {@code cursor} (null for index paging). */
    public static ListQuery of(String filter, String sortBy, String sortOrder, String startIndex, String count,
                               String attributes, String excludedAttributes, String cursor) {
        Integer start = integer("startIndex", startIndex);
        requireOnePagingMethod(start, cursor);
        return new ListQuery(parseFilter(filter), blankToNull(sortBy), SortOrder.fromWire(blankToNull(sortOrder)),
                startIndex(start), count(integer("count", count)),
                Projection.parse(attributes, excludedAttributes), cursor == null ? null : cursor.trim());
    }

    /** Whether this query pages with a cursor (RFC 9865) rather than an index. */
    public boolean cursorPaging() {
        return cursor != null;
    }

    /** This query with another page window (used to split a root search across resource types). */
    public ListQuery withPage(int newStartIndex, int newCount) {
        return new ListQuery(filter, sortBy, sortOrder, newStartIndex, newCount, projection, cursor);
    }

    /** This query with another cursor. */
    public ListQuery withCursor(String newCursor) {
        return new ListQuery(filter, sortBy, sortOrder, startIndex, count, projection, newCursor);
    }

    /** From a {@code POST .search} body (RFC 7644 §3.4.3). */
    public static ListQuery of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A search request must be a JSON object");
        }
        requireSearchRequestSchema(body);
        Integer start = number(body, "startIndex");
        Integer size = number(body, "count");
        JsonNode cursorNode = ScimJson.getIgnoreCase(body, "cursor");
        String cursor = cursorNode == null || cursorNode.isNull() ? null : cursorNode.asText().trim();
        if (cursorNode != null && !cursorNode.isNull() && !cursorNode.isTextual()) {
            throw ScimException.invalidCursor("'cursor' must be a string");
        }
        requireOnePagingMethod(start, cursor);
        return new ListQuery(parseFilter(text(body, "filter")), text(body, "sortBy"),
                SortOrder.fromWire(text(body, "sortOrder")), startIndex(start), count(size),
                Projection.of(list(body, "attributes"), list(body, "excludedAttributes")), cursor);
    }

    /** RFC 7644 §3.4.3: {@code schemas} must hold the SearchRequest URN. */
    private static void requireSearchRequestSchema(JsonNode body) {
        JsonNode schemas = ScimJson.getIgnoreCase(body, "schemas");
        boolean named = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                named |= schema.isTextual() && schema.asText().equalsIgnoreCase(ScimConstants.MESSAGE_SEARCH_REQUEST);
            }
        }
        if (!named) {
            throw ScimException.invalidSyntax("A search request must have \"schemas\": [\""
                    + ScimConstants.MESSAGE_SEARCH_REQUEST + "\"] (RFC 7644 §3.4.3)");
        }
    }

    private static void requireOnePagingMethod(Integer startIndex, String cursor) {
        if (startIndex != null && cursor != null) {
            throw ScimException.invalidValue("'startIndex' and 'cursor' cannot be combined; use one paging method (RFC 9865)");
        }
    }

    public boolean descending() {
        return sortOrder == SortOrder.DESCENDING;
    }

    private static Filter parseFilter(String text) {
        return text == null || text.isBlank() ? null : FilterParser.parse(text);
    }

    private static int startIndex(Integer value) {
        return value == null || value < 1 ? 1 : value;
    }

    private static int count(Integer value) {
        int max = ScimLimits.current().maxPageSize();
        if (value == null) {
            return max;
        }
        return Math.max(0, Math.min(max, value));
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("'" + name + "' must be an integer, not '" + value + "'");
        }
    }

    private static Integer number(JsonNode body, String name) {
        JsonNode node = ScimJson.getIgnoreCase(body, name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            return integer(name, node.asText());
        }
        throw ScimException.invalidValue("'" + name + "' must be an integer");
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = ScimJson.getIgnoreCase(body, name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ScimException.invalidValue("'" + name + "' must be a string");
        }
        return blankToNull(node.asText());
    }

    private static List<String> list(JsonNode body, String name) {
        JsonNode node = ScimJson.getIgnoreCase(body, name);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isTextual()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
            return values;
        }
        if (!node.isArray()) {
            throw ScimException.invalidValue("'" + name + "' must be an array of attribute names");
        }
        node.forEach(element -> values.add(element.asText()));
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
