package dev.kcscim.core.schema;

/** Whether and how an attribute can be written (RFC 7643 §7 "mutability"). */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireValue;

    Mutability(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as written in schema representations. */
    public String wireValue() {
        return wireValue;
    }

    /** The constant whose wire value equals {@code value} ignoring case, or null when there is none. */
    public static Mutability fromWire(String value) {
        for (Mutability candidate : values()) {
            if (candidate.wireValue.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }
}
