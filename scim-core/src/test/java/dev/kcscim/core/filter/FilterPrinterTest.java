package dev.kcscim.core.filter;

import static dev.kcscim.core.filter.Filter.and;
import static dev.kcscim.core.filter.Filter.eq;
import static dev.kcscim.core.filter.Filter.not;
import static dev.kcscim.core.filter.Filter.or;
import static dev.kcscim.core.filter.Filter.pr;
import static dev.kcscim.core.filter.Filter.valuePath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.core.path.AttributePath;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical text of trees: minimal parentheses, lower-case keywords, JSON literals. */
class FilterPrinterTest {

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of(eq("userName", "bjensen"), "userName eq \"bjensen\""),
                Arguments.of(FilterParser.parse("UserName EQ \"x\" AND Title PR"), "UserName eq \"x\" and Title pr"),
                Arguments.of(or(and(pr("a"), pr("b")), pr("c")), "a pr and b pr or c pr"),
                Arguments.of(and(or(pr("a"), pr("b")), pr("c")), "(a pr or b pr) and c pr"),
                Arguments.of(and(pr("a"), and(pr("b"), pr("c"))), "a pr and (b pr and c pr)"),
                Arguments.of(or(pr("a"), or(pr("b"), pr("c"))), "a pr or (b pr or c pr)"),
                Arguments.of(and(pr("a"), or(pr("b"), pr("c"))), "a pr and (b pr or c pr)"),
                Arguments.of(not(or(pr("a"), pr("b"))), "not (a pr or b pr)"),
                Arguments.of(valuePath("emails", and(eq("type", "work"), eq("primary", true))),
                        "emails[type eq \"work\" and primary eq true]"),
                Arguments.of(eq("a", "q\"\\\n\u0001é"), "a eq \"q\\\"\\\\\\n\\u0001é\""),
                Arguments.of(eq("a", 5L), "a eq 5"),
                Arguments.of(eq("a", 2.5d), "a eq 2.5"),
                Arguments.of(eq("a", new BigDecimal("1E+5")), "a eq 1E+5"),
                Arguments.of(eq("a", null), "a eq null"),
                Arguments.of(new Present(new AttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "manager", "value")), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value pr"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("canonical")
    void printsCanonicalText(Filter filter, String expected) {
        assertThat(FilterPrinter.print(filter)).isEqualTo(expected);
        assertThat(FilterParser.parse(expected)).isEqualTo(filter);
    }
}
