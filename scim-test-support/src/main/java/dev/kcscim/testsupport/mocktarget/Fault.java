package dev.kcscim.testsupport.mocktarget;

import java.util.Map;

/**
 * A scripted misbehaviour of the mock target for the next matching request: an answer with {@code status},
 * {@code headers} and {@code body} instead of the real one, after {@code delayMillis}. {@code method} and
 * {@code pathPrefix} restrict which requests it applies to (null matches any).
 */
public record Fault(String method, String pathPrefix, int status, Map<String, String> headers, String body,
        long delayMillis) {

    public static Fault status(int status) {
        return new Fault(null, null, status, Map.of(), null, 0);
    }

    public static Fault retryAfter(int status, int seconds) {
        return new Fault(null, null, status, Map.of("Retry-After", String.valueOf(seconds)), null, 0);
    }

    /** A SCIM error (RFC 7644 §3.12) for requests of {@code method}. */
    public static Fault scimError(String method, int status, String scimType, String detail) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status + "\""
                + (scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"") + ",\"detail\":\"" + detail + "\"}";
        return new Fault(method, null, status, Map.of(), body, 0);
    }

    /** Holds the request for {@code millis} before answering normally (status 0 = no status override). */
    public static Fault hang(long millis) {
        return new Fault(null, null, 0, Map.of(), null, millis);
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod)) && (pathPrefix == null || path.startsWith(pathPrefix));
    }
}
