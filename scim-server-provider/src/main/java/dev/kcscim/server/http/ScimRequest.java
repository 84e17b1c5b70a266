package dev.kcscim.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.Locale;

/**
 * Reads request bodies with scim-core's mapper, so extension and unknown attributes are tolerated.
 * RFC 7644 §3.1/§8.1: bodies are {@code application/scim+json}; {@code application/json} is accepted as
 * well (Okta's POSTs use it). Anything else is {@code 415}; malformed JSON is {@code 400 invalidSyntax}.
 */
final class ScimRequest {

    /** Largest body accepted, so a single request cannot exhaust memory. */
    static final int MAX_BODY_CHARS = 1_048_576;

    private ScimRequest() {
    }

    static ObjectNode object(String contentType, String body) {
        JsonNode json = json(contentType, body);
        if (!json.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        return (ObjectNode) json;
    }

    static JsonNode json(String contentType, String body) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            requireJsonMediaType(contentType);
            throw ScimException.payloadTooLarge("The request body exceeds " + MAX_BODY_CHARS + " characters");
        }
        return parse(contentType, body);
    }

    /** As {@link #json(String, String)} without the size check, for endpoints with a limit of their own (/Bulk). */
    static JsonNode parse(String contentType, String body) {
        requireJsonMediaType(contentType);
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("The request needs a JSON body");
        }
        try {
            return ScimJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimException.invalidSyntax("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireJsonMediaType(String contentType) {
        if (contentType == null) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(ScimRequestGuard.REJECTED)) {
            throw ScimException.unsupportedMediaType("The Content-Type is not a valid media type or is a form or"
                    + " multipart type; send " + ScimConstants.MEDIA_TYPE + " or application/json");
        }
        if (!type.equals(ScimConstants.MEDIA_TYPE) && !type.equals("application/json")) {
            throw ScimException.unsupportedMediaType("Content-Type must be " + ScimConstants.MEDIA_TYPE
                    + " or application/json, not '" + contentType + "'");
        }
    }
}
