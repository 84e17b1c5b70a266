package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The benchmark's HTTP client: HTTP/1.1 with keep-alive (no h2c upgrade probing, which would add a round trip to
 * one system and not another), a bearer token from a supplier, and the elapsed time of each exchange measured
 * around the send alone (request building and JSON parsing are outside the timing).
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCIM_JSON = "application/scim+json";
    static final String APP_JSON = "application/json";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Supplier<String> token;

    BenchHttp(Supplier<String> token) {
        this.token = token;
    }

    /** One timed exchange: status, body and nanoseconds from send to the last body byte. */
    /** @param retried the request was sent twice: the first attempt's connection closed without an answer */
    record Exchange(int status, String body, long nanos, boolean retried) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (HTTP " + status + "): " + abbreviated(), e);
            }
        }

        String abbreviated() {
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    Exchange get(String url) {
        return send("GET", url, null, null);
    }

    Exchange send(String method, String url, String contentType, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/scim+json, application/json");
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(text(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response;
            boolean retried = false;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // The connection closed without an answer (a pooled keep-alive connection the server had just
                // closed, or the server dropped it after the request): sent once more on a fresh connection, the
                // time of both attempts counted; the caller sees that it was retried (a POST may then answer 409)
                retried = true;
                response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new Exchange(response.statusCode(), response.body(), System.nanoTime() - start, retried);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " interrupted", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
