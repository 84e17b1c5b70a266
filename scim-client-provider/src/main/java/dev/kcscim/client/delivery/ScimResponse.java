package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/** A target's answer: status, the parsed JSON body (or null) and the Retry-After delay (or null). */
record ScimResponse(int status, JsonNode body, String rawBody, Long retryAfterMillis) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** {@code ": scimType detail"} from a SCIM error body (RFC 7644 §3.12), else a short raw body excerpt. */
    String errorSummary() {
        if (body != null && body.isObject() && (body.has("detail") || body.has("scimType"))) {
            StringBuilder text = new StringBuilder(":");
            if (body.hasNonNull("scimType")) {
                text.append(' ').append(body.get("scimType").asText());
            }
            if (body.hasNonNull("detail")) {
                text.append(' ').append(body.get("detail").asText());
            }
            return text.toString();
        }
        if (rawBody == null || rawBody.isBlank()) {
            return "";
        }
        return ": " + (rawBody.length() > 300 ? rawBody.substring(0, 300) + "..." : rawBody);
    }
}
