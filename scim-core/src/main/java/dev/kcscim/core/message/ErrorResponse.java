package dev.kcscim.core.message;

import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import java.util.List;

/**
 * The error body (RFC 7644 §3.12). {@code status} is the HTTP status as a string ({@code "404"}), which the
 * RFC's examples and Okta's spec test expect; numeric statuses from other servers are read too.
 * {@code scimType} is absent when the error has none.
 */
public record ErrorResponse(List<String> schemas, String status, String scimType, String detail) {

    public ErrorResponse {
        schemas = schemas == null ? List.of(ScimConstants.MESSAGE_ERROR) : List.copyOf(schemas);
    }

    public static ErrorResponse of(ScimException error) {
        return new ErrorResponse(null, Integer.toString(error.status()),
                error.scimType() == null ? null : error.scimType().wireValue(), error.detail());
    }

    /** The HTTP status as a number, or 0 when {@code status} is not numeric. */
    public int statusCode() {
        try {
            return Integer.parseInt(status.trim());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
