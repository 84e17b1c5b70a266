package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    @ParameterizedTest(name = "{0} retryable={1}")
    @CsvSource({"429,true", "408,true", "500,true", "502,true", "503,true", "504,true", "400,false", "401,false",
            "403,false", "404,false", "409,false", "412,false", "413,false"})
    void retryableStatuses(int status, boolean retryable) {
        assertThat(RetryPolicy.isRetryable(status)).isEqualTo(retryable);
    }

    static Stream<Arguments> backoff() {
        return Stream.of(
                // failures, random, expected delay: half fixed, half jitter, doubling from 1 s, capped at 5 min
                Arguments.of(1, 0.0, 500L), Arguments.of(1, 0.999, 999L),
                Arguments.of(2, 0.0, 1_000L), Arguments.of(3, 0.5, 3_000L),
                Arguments.of(10, 0.0, 150_000L), Arguments.of(30, 0.0, 150_000L), Arguments.of(30, 0.999, 299_850L));
    }

    @ParameterizedTest(name = "failure {0}, random {1} -> {2} ms")
    @MethodSource("backoff")
    void exponentialBackoffWithJitter(int failures, double random, long expected) {
        assertThat(RetryPolicy.delayMillis(failures, null, random)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Retry-After {0} ms, random {1} -> {2} ms")
    @CsvSource({"2000,0.0,2000", "2000,0.5,2125", "0,0.0,0", "7200000,0.0,3600000"})
    void retryAfterWinsOverBackoff(long retryAfter, double random, long expected) {
        assertThat(RetryPolicy.delayMillis(5, retryAfter, random)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(value = {"2|2000", " 120 |120000", "0|0", "-1|null", "soon|null", "|null",
            "Thu, 01 Jan 1970 00:00:10 GMT|5000", "Thu, 01 Jan 1970 00:00:01 GMT|0"}, delimiter = '|', nullValues = "null")
    void parsesRetryAfterSecondsAndHttpDates(String header, Long expected) {
        assertThat(RetryPolicy.parseRetryAfter(header, 5_000)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "created {0}, next {1}, budget {2} -> {3}")
    @CsvSource({"0,1000,1000,true", "0,1001,1000,false", "0,86400000,86400000,true", "100,100,0,true", "100,101,0,false"})
    void budget(long created, long next, long budget, boolean within) {
        assertThat(RetryPolicy.withinBudget(created, next, budget)).isEqualTo(within);
    }
}
