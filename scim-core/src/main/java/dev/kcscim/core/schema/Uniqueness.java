package dev.kcscim.core.schema;

/** How a value's uniqueness is enforced (RFC 7643 §7 "uniqueness"). */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wireValue;

    Uniqueness(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in schema representations. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value equals {@code value} ignoring case, or null when there is none. */
    public static Uniqueness fromWire(String value) {
        for (Uniqueness candidate : values()) {
            if (candidate.wireValue.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }
}
