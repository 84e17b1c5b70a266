package dev.kcscim.core.error;

/**
 * HTTP 429 Too Many Requests (RFC 6585 §4) as a SCIM error (RFC 7644 §3.12 has no scimType for it), with the
 * seconds after which the caller may try again, sent as {@code Retry-After} (RFC 9110 §10.2.3).
 */
public final class TooManyRequestsException extends ScimException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, null, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
