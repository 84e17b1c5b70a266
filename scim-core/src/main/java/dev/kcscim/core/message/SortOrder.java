package dev.kcscim.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code sortOrder} (RFC 7644 §3.4.2.3). */
public enum SortOrder {
    ASCENDING("ascending"),
    DESCENDING("descending");

    private final String wireValue;

    SortOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** The order spelled {@code text} in any case, or null when {@code text} is null. */
    @JsonCreator
    public static SortOrder fromWire(String text) {
        if (text == null) {
            return null;
        }
        for (SortOrder order : values()) {
            if (order.wireValue.equalsIgnoreCase(text)) {
                return order;
            }
        }
        throw dev.kcscim.core.error.ScimException.invalidValue("sortOrder must be ascending or descending, not '" + text + "'");
    }
}
