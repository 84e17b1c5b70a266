package dev.kcscim.it.outbound;

import dev.kcscim.testsupport.TestHttp;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that walks Keycloak's login pages the way a browser would: it follows redirects,
 * finds a page's form and posts it. Enough for registration, login and first-broker-login flows without a browser.
 */
final class FormBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new Jar())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A page reached after all redirects: its final address, status and HTML. */
    record Page(URI uri, int status, String html) {

        /** The action of the first form on the page, HTML entities decoded. */
        String formAction() {
            Matcher m = FORM_ACTION.matcher(html);
            if (!m.find()) {
                throw new AssertionError("no form on " + uri + " (status " + status + "):\n" + abbreviate(html));
            }
            return m.group(1).replace("&amp;", "&");
        }

        @Override
        public String toString() {
            return status + " " + uri + "\n" + abbreviate(html);
        }
    }

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts {@code fields} as a form to the action of {@code page}'s first form. */
    Page submit(Page page, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> TestHttp.encode(e.getKey()) + "=" + TestHttp.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(page.uri().resolve(page.formAction()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The authorization URL of {@code realm} for the public {@code account-console} client, with PKCE. */
    static String accountConsoleAuth(String baseUrl, String realm, String endpoint, String extraQuery) {
        String redirect = baseUrl + "/realms/" + realm + "/account/";
        String verifier = "v" + Long.toString(System.nanoTime(), 36) + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/" + endpoint + "?client_id=account-console"
                + "&response_type=code&scope=openid&redirect_uri=" + TestHttp.encode(redirect)
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier)
                + (extraQuery == null ? "" : "&" + extraQuery);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String html) {
        return html == null ? "" : html.length() > 2000 ? html.substring(0, 2000) + "…" : html;
    }

    /**
     * Keeps cookies by path and name and sends them over plain http too: Keycloak marks its login cookies
     * {@code Secure} on 127.0.0.1 (a secure context for browsers), which {@link java.net.CookieManager} then
     * never returns over http.
     */
    private static final class Jar extends CookieHandler {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String header = cookies.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey().substring(0, e.getKey().indexOf(' '))))
                    .map(e -> e.getKey().substring(e.getKey().indexOf(' ') + 1) + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                return;
            }
            String path = "/";
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring(5);
                } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            String key = path + " " + parts[0].substring(0, eq).trim();
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, parts[0].substring(eq + 1).trim());
            }
        }
    }
}
