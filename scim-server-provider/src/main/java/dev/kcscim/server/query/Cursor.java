package dev.kcscim.server.query;

/**
 * A keyset position in a sorted result (RFC 9865 cursor, decoded): the sort key and id of the row the page
 * starts after ({@code backward} false: the next page) or ends before ({@code backward} true: the previous
 * page). Positions name rows, not offsets, so inserts and deletes elsewhere do not shift them.
 *
 * @param backward whether the page is the one before the position
 * @param key      the sort key of the row at the position (null sorts last)
 * @param id       the id of that row (ties of the sort key are ordered by id)
 */
public record Cursor(boolean backward, String key, String id) {

    public static Cursor after(String key, String id) {
        return new Cursor(false, key, id);
    }

    public static Cursor before(String key, String id) {
        return new Cursor(true, key, id);
    }
}
