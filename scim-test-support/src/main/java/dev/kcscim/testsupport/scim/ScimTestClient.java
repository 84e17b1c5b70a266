package dev.kcscim.testsupport.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.TestHttp;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Calls one realm's SCIM endpoints ({@code /realms/{realm}/scim-provisioning/v2}) with a bearer token from a
 * supplier (fetched again every minute, so long test classes never send an expired token).
 */
public final class ScimTestClient {

    public static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TOKEN_REUSE_MILLIS = 60_000;

    private final String baseUrl;
    private final Supplier<String> tokens;
    private String token;
    private long tokenFetchedAt;

    public ScimTestClient(String baseUrl, Supplier<String> tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The current bearer token. */
    public synchronized String token() {
        if (token == null || System.currentTimeMillis() - tokenFetchedAt > TOKEN_REUSE_MILLIS) {
            token = tokens.get();
            tokenFetchedAt = System.currentTimeMillis();
        }
        return token;
    }

    public HttpResult get(String path) {
        return TestHttp.send("GET", baseUrl + path, token(), null, null);
    }

    public HttpResult post(String path, Object body) {
        return send("POST", path, body);
    }

    public HttpResult put(String path, Object body) {
        return send("PUT", path, body);
    }

    public HttpResult patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public HttpResult delete(String path) {
        return TestHttp.send("DELETE", baseUrl + path, token(), null, null);
    }

    /** Sends {@code body} (a String as is, anything else as JSON) as {@code application/scim+json}. */
    public HttpResult send(String method, String path, Object body) {
        return TestHttp.send(method, baseUrl + path, token(), SCIM_JSON, text(body));
    }

    /** Sends {@code body} (may be null) with extra headers, e.g. {@code If-Match} or {@code If-None-Match}. */
    public HttpResult sendWithHeaders(String method, String path, Object body, java.util.Map<String, String> headers) {
        return TestHttp.send(method, baseUrl + path, token(), body == null ? null : SCIM_JSON, text(body), headers);
    }

    /** Sends with an explicit content type and bearer token (either may be null). */
    public HttpResult raw(String method, String path, String bearer, String contentType, String body) {
        return TestHttp.send(method, baseUrl + path, bearer, contentType, body);
    }

    /** Parses JSON text, with single quotes allowed for readable test bodies: {@code json("{'a':1}")}. */
    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PATCH body (RFC 7644 §3.5.2) of the given operations, each in the single-quote JSON form. */
    public static ObjectNode patchOps(String... operations) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        var ops = body.putArray("Operations");
        for (String op : operations) {
            ops.add(json(op));
        }
        return body;
    }

    private static String text(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String) {
            return (String) body;
        }
        try {
            return MAPPER.writeValueAsString(body instanceof JsonNode ? body : MAPPER.valueToTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
