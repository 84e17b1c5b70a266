package dev.kcscim.core.error;

/** The {@code scimType} error keywords of RFC 7644 §3.12, Table 9, and of RFC 9865 §3 (cursor paging). */
public enum ScimType {
    INVALID_FILTER("invalidFilter"),
    TOO_MANY("tooMany"),
    UNIQUENESS("uniqueness"),
    MUTABILITY("mutability"),
    INVALID_SYNTAX("invalidSyntax"),
    INVALID_PATH("invalidPath"),
    NO_TARGET("noTarget"),
    INVALID_VALUE("invalidValue"),
    INVALID_VERS("invalidVers"),
    SENSITIVE("sensitive"),
    /** RFC 9865: the cursor value is not one this server issued, or was tampered with. */
    INVALID_CURSOR("invalidCursor"),
    /** RFC 9865: the cursor was valid but has expired. */
    EXPIRED_CURSOR("expiredCursor");

    private final String wireValue;

    ScimType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The keyword as it appears in the {@code scimType} member of an error response. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value equals {@code value} (case-insensitive), or null. */
    public static ScimType fromWire(String value) {
        for (ScimType type : values()) {
            if (type.wireValue.equalsIgnoreCase(value)) {
                return type;
            }
        }
        return null;
    }
}
