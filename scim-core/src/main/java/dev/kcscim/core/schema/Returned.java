package dev.kcscim.core.schema;

/** When an attribute is returned in a response (RFC 7643 §7 "returned", RFC 7644 §3.9). */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wireValue;

    Returned(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in schema representations. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value equals {@code value} ignoring case, or null when there is none. */
    public static Returned fromWire(String value) {
        for (Returned candidate : values()) {
            if (candidate.wireValue.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }
}
