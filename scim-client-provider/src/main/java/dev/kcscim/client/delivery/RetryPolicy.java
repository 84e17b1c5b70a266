package dev.kcscim.client.delivery;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a failed delivery is tried again. Retryable: 429 (RFC 6585 §4), 408, every 5xx, and I/O failures
 * (refused connections, timeouts); any other 4xx is final and goes to the dead letters at once. Delays grow
 * exponentially from one second to five minutes with "equal jitter" (half fixed, half random) so that many rows
 * failing together do not retry in lock-step. A {@code Retry-After} (RFC 9110 §10.2.3) is honoured as given, capped
 * at one hour, plus up to 250 ms of jitter.
 */
public final class RetryPolicy {

    static final long BASE_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 300_000;
    static final long MAX_RETRY_AFTER_MILLIS = 3_600_000;

    private RetryPolicy() {
    }

    /** Whether an HTTP status is worth retrying. */
    public static boolean isRetryable(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /**
     * The delay before the next attempt.
     *
     * @param failures attempts that failed so far, including this one (1 for the first failure)
     * @param retryAfterMillis the target's Retry-After in milliseconds, or null
     * @param random a uniform value in [0, 1)
     */
    public static long delayMillis(int failures, Long retryAfterMillis, double random) {
        if (retryAfterMillis != null && retryAfterMillis >= 0) {
            return Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS) + (long) (random * 250);
        }
        int exponent = Math.max(0, Math.min(failures - 1, 20));
        long backoff = Math.min(BASE_MILLIS << exponent, MAX_BACKOFF_MILLIS);
        return backoff / 2 + (long) (random * (backoff / 2));
    }

    /** Whether a row created at {@code createdAt} may still be retried at {@code nextAttemptAt}. */
    public static boolean withinBudget(long createdAt, long nextAttemptAt, long budgetMillis) {
        return nextAttemptAt - createdAt <= budgetMillis;
    }

    /**
     * Parses {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns milliseconds from
     * {@code nowMillis} (never negative), or null when absent or unreadable.
     */
    public static Long parseRetryAfter(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Math.min(seconds, MAX_RETRY_AFTER_MILLIS / 1000) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
