package dev.kcscim.core.error;

/**
 * A SCIM error as it goes on the wire (RFC 7644 §3.12): HTTP status, optional {@code scimType} and a
 * human-readable detail. Thrown through the engine and turned into an {@code ErrorResponse} in one
 * place by the provider. Create instances through the factories, which are named after the RFC error
 * types; the stack trace is not captured because these are expected outcomes of bad client input.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final ScimType scimType;
    private final String detail;

    /** An error with the given HTTP status, {@code scimType} (nullable) and detail. */
    public ScimException(int status, ScimType scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The RFC 7644 §3.12 keyword, or null for errors that have none (404, 409 conflict, 5xx...). */
    public ScimType scimType() {
        return scimType;
    }

    public String detail() {
        return detail;
    }

    public static ScimException invalidFilter(String detail) {
        return badRequest(ScimType.INVALID_FILTER, detail);
    }

    public static ScimException tooMany(String detail) {
        return badRequest(ScimType.TOO_MANY, detail);
    }

    public static ScimException mutability(String detail) {
        return badRequest(ScimType.MUTABILITY, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return badRequest(ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return badRequest(ScimType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return badRequest(ScimType.NO_TARGET, detail);
    }

    public static ScimException invalidValue(String detail) {
        return badRequest(ScimType.INVALID_VALUE, detail);
    }

    public static ScimException invalidVers(String detail) {
        return badRequest(ScimType.INVALID_VERS, detail);
    }

    public static ScimException sensitive(String detail) {
        return badRequest(ScimType.SENSITIVE, detail);
    }

    /** 400 {@code invalidCursor} (RFC 9865 §3): a cursor this server did not issue or cannot read. */
    public static ScimException invalidCursor(String detail) {
        return badRequest(ScimType.INVALID_CURSOR, detail);
    }

    /** 400 {@code expiredCursor} (RFC 9865 §3): a cursor older than the advertised {@code cursorTimeout}. */
    public static ScimException expiredCursor(String detail) {
        return badRequest(ScimType.EXPIRED_CURSOR, detail);
    }

    /** 409 with {@code scimType} uniqueness: a unique attribute value is already taken. */
    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /** 409 without a {@code scimType}, for version conflicts and similar (RFC 7644 §3.12). */
    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    public static ScimException methodNotAllowed(String detail) {
        return new ScimException(405, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    public static ScimException unsupportedMediaType(String detail) {
        return new ScimException(415, null, detail);
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }

    public static ScimException internal(String detail) {
        return new ScimException(500, null, detail);
    }

    private static ScimException badRequest(ScimType type, String detail) {
        return new ScimException(400, type, detail);
    }

    @Override
    public String toString() {
        return "ScimException{status=" + status + ", scimType=" + (scimType == null ? null : scimType.wireValue())
                + ", detail=" + detail + "}";
    }
}
