package dev.kcscim.core.filter;

/** The comparison operators of RFC 7644 §3.4.2.2, Table 3 ({@code pr} is {@link Present}). */
public enum CompareOp {
    EQ("eq"),
    NE("ne"),
    CO("co"),
    SW("sw"),
    EW("ew"),
    GT("gt"),
    GE("ge"),
    LT("lt"),
    LE("le");

    private final String wireValue;

    CompareOp(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /** The operator spelled {@code text} in any case (operators are case-insensitive), or null. */
    public static CompareOp fromWire(String text) {
        for (CompareOp op : values()) {
            if (op.wireValue.equalsIgnoreCase(text)) {
                return op;
            }
        }
        return null;
    }

    /** True for the ordering operators that RFC 7644 §3.4.2.2 forbids on boolean and binary attributes. */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** True for the substring operators co, sw, ew. */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }
}
