package dev.kcscim.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CursorPagerTest {

    /** Rows "a".."g" with ids "1".."7". */
    static List<CursorPager.Row<String>> rows(String keys) {
        List<CursorPager.Row<String>> rows = new ArrayList<>();
        for (int i = 0; i < keys.length(); i++) {
            String key = keys.substring(i, i + 1);
            rows.add(new CursorPager.Row<>(key, Integer.toString(i + 1), key));
        }
        return rows;
    }

    static String items(CursorPager.Page<String> page) {
        return String.join("", page.rows().stream().map(CursorPager.Row::item).toList());
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of(null, 3, "abc", "c", null),
                Arguments.of(Cursor.after("c", "3"), 3, "def", "f", "d"),
                Arguments.of(Cursor.after("f", "6"), 3, "g", null, "g"),
                Arguments.of(Cursor.after("g", "7"), 3, "", null, null),
                Arguments.of(Cursor.before("d", "4"), 2, "bc", "c", "b"),
                Arguments.of(Cursor.before("c", "3"), 5, "ab", "b", null),
                // the row at the cursor was deleted meanwhile: the position still holds
                Arguments.of(Cursor.after("cc", "x"), 2, "de", "e", "d"),
                Arguments.of(null, 0, "", null, null));
    }

    @ParameterizedTest(name = "{0} count {1} -> {2}")
    @MethodSource("pages")
    void pagesByKeyset(Cursor position, int count, String expected, String nextAfter, String previousBefore) {
        List<CursorPager.Row<String>> shuffled = new ArrayList<>(rows("abcdefg"));
        java.util.Collections.reverse(shuffled);
        CursorPager.Page<String> page = CursorPager.page(CursorPager.inMemory(shuffled, String::compareTo), position, count);

        assertThat(items(page)).isEqualTo(expected);
        assertThat(page.next() == null ? null : page.next().key()).isEqualTo(nextAfter);
        assertThat(page.previous() == null ? null : page.previous().key()).isEqualTo(previousBefore);
        if (page.next() != null) {
            assertThat(page.next().backward()).isFalse();
        }
        if (page.previous() != null) {
            assertThat(page.previous().backward()).isTrue();
        }
    }

    @Test
    void neitherSkipsNorRepeatsWhenRowsAreInsertedAndDeletedBetweenPages() {
        List<CursorPager.Row<String>> data = new ArrayList<>(rows("abcdefgh"));
        CursorPager.Page<String> first = CursorPager.page(CursorPager.inMemory(data, String::compareTo), null, 3);
        data.remove(0);                                           // "a", already seen, deleted
        data.add(new CursorPager.Row<>("0", "9", "0"));           // inserted before the position
        data.add(new CursorPager.Row<>("cc", "10", "C"));         // inserted after the position
        CursorPager.Page<String> second = CursorPager.page(CursorPager.inMemory(data, String::compareTo), first.next(), 3);

        assertThat(items(first)).isEqualTo("abc");
        assertThat(items(second)).isEqualTo("Cde");
    }
}
