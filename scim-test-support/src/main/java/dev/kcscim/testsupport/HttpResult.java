package dev.kcscim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** One HTTP exchange as tests see it: status, headers and the body as text (parsed on demand). */
public record HttpResult(String method, String uri, int status, HttpHeaders headers, String body) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The body parsed as JSON; fails with the exchange in the message when it is not JSON. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + this, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The media type without parameters, e.g. {@code application/scim+json}. */
    public String mediaType() {
        String value = header("Content-Type");
        return value == null ? null : value.split(";", 2)[0].trim();
    }

    @Override
    public String toString() {
        String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        return method + " " + uri + " -> " + status + " " + shown;
    }
}
