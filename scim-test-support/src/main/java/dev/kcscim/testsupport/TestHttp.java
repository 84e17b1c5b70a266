package dev.kcscim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain JDK HTTP for tests: no redirects followed, generous timeouts, bodies as UTF-8 text. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private TestHttp() {
    }

    public static HttpResult get(String uri, String bearerToken) {
        return send("GET", uri, bearerToken, null, null);
    }

    /**
     * Sends one request. {@code bearerToken} and {@code contentType} may be null; a non-null body without a
     * content type is sent as {@code application/json}.
     */
    public static HttpResult send(String method, String uri, String bearerToken, String contentType, String body) {
        return send(method, uri, bearerToken, contentType, body, Map.of());
    }

    /** As {@link #send(String, String, String, String, String)} with extra request headers (e.g. {@code If-Match}). */
    public static HttpResult send(String method, String uri, String bearerToken, String contentType, String body,
                                  Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(method, uri, request.build());
    }

    /** POSTs an {@code application/x-www-form-urlencoded} form (token endpoints). */
    public static HttpResult postForm(String uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return exchange("POST", uri, request);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResult exchange(String method, String uri, HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(method, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }
}
