package dev.kcscim.core.diff;

import com.fasterxml.jackson.databind.JsonNode;

/** What counts as "assigned" when comparing two resources (RFC 7643 §2.5: null and [] are unassigned). */
final class Values {

    private Values() {
    }

    /**
     * {@code value}, or null when it is missing, JSON null, {@code ""}, an empty array or an empty object;
     * {@code ""} is unassigned because the PATCH engine clears with it (Entra's SCIM_Null_Update).
     */
    static JsonNode present(JsonNode value) {
        if (value == null || value.isNull() || (value.isContainerNode() && value.isEmpty())
                || (value.isTextual() && value.asText().isEmpty())) {
            return null;
        }
        return value;
    }
}
