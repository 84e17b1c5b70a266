package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivery attempt that did not succeed. {@code retryable} failures are retried under {@link RetryPolicy};
 * the others are dead-lettered with {@code detail} (the target's SCIM error detail where it sent one).
 */
final class DeliveryFailure extends Exception {

    private final boolean retryable;
    private final Integer status;
    private final Long retryAfterMillis;
    private final String scimType;

    DeliveryFailure(boolean retryable, Integer status, String detail, Long retryAfterMillis) {
        this(retryable, status, detail, retryAfterMillis, null);
    }

    private DeliveryFailure(boolean retryable, Integer status, String detail, Long retryAfterMillis, String scimType) {
        super(detail, null, false, false);
        this.retryable = retryable;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
        this.scimType = scimType;
    }

    static DeliveryFailure ofResponse(String what, ScimResponse response) {
        String detail = what + " -> HTTP " + response.status() + response.errorSummary();
        JsonNode body = response.body();
        String scimType = body != null && body.isObject() && body.hasNonNull("scimType") ? body.get("scimType").asText() : null;
        return new DeliveryFailure(RetryPolicy.isRetryable(response.status()), response.status(), detail,
                response.retryAfterMillis(), scimType);
    }

    boolean retryable() {
        return retryable;
    }

    Integer status() {
        return status;
    }

    /** The target's {@code scimType} (RFC 7644 §3.12), or null. */
    String scimType() {
        return scimType;
    }

    Long retryAfterMillis() {
        return retryAfterMillis;
    }
}
