package dev.kcscim.server.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging (RFC 9865) over a source that can list the rows after or before a {@link Cursor} in its
 * order. One extra row is read to know whether a further page exists; {@code nextCursor} is the position
 * after the page's last row, {@code previousCursor} the position before its first row.
 */
public final class CursorPager {

    /** A row of a keyset-ordered result: its sort key, its id and what it maps to. */
    public record Row<T>(String key, String id, T item) {
    }

    /** Lists at most {@code limit} rows strictly after the position (ascending) or before it (nearest first). */
    public interface Source<T> {
        List<Row<T>> rows(Cursor position, int limit);
    }

    /** One page in ascending order, with the positions of the neighbouring pages (null when there is none). */
    public record Page<T>(List<Row<T>> rows, Cursor next, Cursor previous) {
    }

    private CursorPager() {
    }

    /** The page of {@code count} rows at {@code position} (null: the first page). */
    public static <T> Page<T> page(Source<T> source, Cursor position, int count) {
        if (count == 0) {
            return new Page<>(List.of(), null, null);
        }
        List<Row<T>> rows = new ArrayList<>(source.rows(position, count + 1));
        boolean more = rows.size() > count;
        if (more) {
            rows = new ArrayList<>(rows.subList(0, count));
        }
        if (position != null && position.backward()) {
            Collections.reverse(rows);
            Cursor previous = more ? before(rows.get(0)) : null;
            Cursor next = rows.isEmpty() ? null : after(rows.get(rows.size() - 1));
            return new Page<>(rows, next, previous);
        }
        Cursor next = more ? after(rows.get(rows.size() - 1)) : null;
        Cursor previous = position != null && !rows.isEmpty() ? before(rows.get(0)) : null;
        return new Page<>(rows, next, previous);
    }

    /** A source over rows already in memory, ordered by key ({@code keyOrder}, nulls last) then id. */
    public static <T> Source<T> inMemory(List<Row<T>> all, Comparator<String> keyOrder) {
        Comparator<Row<T>> order = Comparator.comparing((Row<T> row) -> row.key(), Comparator.nullsLast(keyOrder))
                .thenComparing(Row::id);
        List<Row<T>> sorted = new ArrayList<>(all);
        sorted.sort(order);
        return (position, limit) -> {
            List<Row<T>> out = new ArrayList<>();
            if (position == null || !position.backward()) {
                for (Row<T> row : sorted) {
                    if (out.size() < limit && (position == null || order.compare(row, probe(position)) > 0)) {
                        out.add(row);
                    }
                }
            } else {
                for (int i = sorted.size() - 1; i >= 0 && out.size() < limit; i--) {
                    if (order.compare(sorted.get(i), probe(position)) < 0) {
                        out.add(sorted.get(i));
                    }
                }
            }
            return out;
        };
    }

    /** The ListResponse of a cursor page (RFC 9865 §2.2): no {@code startIndex}; {@code nextCursor}/{@code previousCursor} when they exist. */
    public static ObjectNode listResponse(Page<?> page, List<ObjectNode> resources, long total, String fingerprint) {
        ObjectNode json = Pages.listResponse(resources, total, 1);
        json.remove("startIndex");
        CursorCodec codec = CursorCodec.current();
        if (page.next() != null) {
            json.put("nextCursor", codec.encode(page.next(), fingerprint));
        }
        if (page.previous() != null) {
            json.put("previousCursor", codec.encode(page.previous(), fingerprint));
        }
        return json;
    }

    /** Decodes the request's cursor; {@code ""} is the first page (null position). */
    public static Cursor position(String cursor, String fingerprint) {
        return cursor == null || cursor.isEmpty() ? null : CursorCodec.current().decode(cursor, fingerprint);
    }

    /** Maps the page's rows to resources. */
    public static <T> List<ObjectNode> resources(Page<T> page, Function<T, ObjectNode> mapper) {
        List<ObjectNode> out = new ArrayList<>(page.rows().size());
        page.rows().forEach(row -> out.add(mapper.apply(row.item())));
        return out;
    }

    private static <T> Row<T> probe(Cursor position) {
        return new Row<>(position.key(), position.id(), null);
    }

    private static Cursor after(Row<?> row) {
        return Cursor.after(row.key(), row.id());
    }

    private static Cursor before(Row<?> row) {
        return Cursor.before(row.key(), row.id());
    }
}
