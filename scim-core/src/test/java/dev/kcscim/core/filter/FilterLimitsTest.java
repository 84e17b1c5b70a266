package dev.kcscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile sizes end in 400 invalidFilter naming the limit, never in a StackOverflowError. */
class FilterLimitsTest {

    static Stream<Arguments> overLimit() {
        return Stream.of(
                Arguments.of("a eq \"" + "x".repeat(FilterParser.MAX_LENGTH) + "\"", "longer than 10000 characters at position 10000"),
                Arguments.of("(".repeat(51) + "a pr" + ")".repeat(51), "deeper than 50 levels at position 50"),
                Arguments.of("not (".repeat(51) + "a pr" + ")".repeat(51), "deeper than 50 levels at position 254"),
                Arguments.of("(".repeat(5000), "deeper than 50 levels at position 50"),
                Arguments.of("a pr" + " or a pr".repeat(600), "more than 1000 nodes"),
                Arguments.of("a[" .repeat(3) + "b pr]]]", "Value paths cannot be nested at position 3"));
    }

    static Stream<Arguments> withinLimit() {
        return Stream.of(
                Arguments.of("(".repeat(50) + "a pr" + ")".repeat(50)),
                Arguments.of("not (".repeat(50) + "a pr" + ")".repeat(50)),
                Arguments.of("a pr" + " or a pr".repeat(499)),
                Arguments.of("a eq \"" + "x".repeat(FilterParser.MAX_LENGTH - 7) + "\""));
    }

    @ParameterizedTest
    @MethodSource("overLimit")
    void rejectsInputBeyondTheLimits(String text, String detail) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> FilterParser.parse(text));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_FILTER);
        assertThat(error.detail()).contains(detail);
    }

    @ParameterizedTest
    @MethodSource("withinLimit")
    void acceptsInputAtTheLimits(String text) {
        Filter filter = FilterParser.parse(text);
        assertThat(FilterParser.parse(FilterPrinter.print(filter))).isEqualTo(filter);
    }
}
