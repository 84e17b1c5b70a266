package dev.kcscim.client.delivery;

/**
 * A delivery attempt that did not succeed. {@code retryable} failures are retried under {@link RetryPolicy};
 * the others are dead-lettered with {@code detail} (the target's SCIM error detail where it sent one).
 */
final class DeliveryFailure extends Exception {

    private final boolean retryable;
    private final Integer status;
    private final Long retryAfterMillis;

    DeliveryFailure(boolean retryable, Integer status, String detail, Long retryAfterMillis) {
        super(detail, null, false, false);
        this.retryable = retryable;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    static DeliveryFailure ofResponse(String what, ScimResponse response) {
        String detail = what + " -> HTTP " + response.status() + response.errorSummary();
        return new DeliveryFailure(RetryPolicy.isRetryable(response.status()), response.status(), detail,
                response.retryAfterMillis());
    }

    boolean retryable() {
        return retryable;
    }

    Integer status() {
        return status;
    }

    Long retryAfterMillis() {
        return retryAfterMillis;
    }
}
