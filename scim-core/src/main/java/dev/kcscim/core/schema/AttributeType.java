package dev.kcscim.core.schema;

/** The data types of SCIM attributes (RFC 7643 §2.3, §7 "type"). */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wireValue;

    AttributeType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in schema representations. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value equals {@code value} ignoring case, or null when there is none. */
    public static AttributeType fromWire(String value) {
        for (AttributeType candidate : values()) {
            if (candidate.wireValue.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }
}
