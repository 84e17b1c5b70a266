package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.UrlPolicy;
import dev.kcscim.core.ScimConstants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;

/**
 * SCIM requests to one target over Keycloak's shared Apache HttpClient ({@code HttpClientProvider}), which is
 * configured with Keycloak's truststore and proxy settings; the target's own connect and request timeouts are
 * applied per request. Every request is first checked against the {@link UrlPolicy} after DNS resolution (a
 * refusal is not retryable and dead-letters the change with the rule in its detail) and redirects are never
 * followed (a 3xx is the answer). TLS verification is Keycloak's and is never turned off. Secrets are never logged: log lines carry method, path, status, realm and target id.
 */
final class ScimHttp {

    private static final Logger LOG = Logger.getLogger(ScimHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType SCIM_JSON = ContentType.create(ScimConstants.MEDIA_TYPE, StandardCharsets.UTF_8);
    private static final int MAX_BODY_CHARS = 1_000_000;

    private final CloseableHttpClient client;
    private final TargetConfig target;
    private final TokenCache tokens;
    private final RequestConfig timeouts;

    ScimHttp(CloseableHttpClient client, TargetConfig target, TokenCache tokens) {
        this.client = client;
        this.target = target;
        this.tokens = tokens;
        this.timeouts = RequestConfig.custom()
                .setConnectTimeout(target.connectTimeoutMs())
                .setConnectionRequestTimeout(target.connectTimeoutMs())
                .setSocketTimeout(target.requestTimeoutMs())
                .setRedirectsEnabled(false)
                .build();
    }

    TargetConfig target() {
        return target;
    }

    /** Sends one request; an I/O failure (refused, timeout, reset) is a retryable {@link DeliveryFailure}. */
    ScimResponse send(String method, String path, JsonNode body) throws DeliveryFailure {
        ScimResponse response = exchange(method, path, body);
        if (response.status() == 401 && target.authType() == TargetConfig.AuthType.OAUTH2_CLIENT_CREDENTIALS) {
            // The cached token may have been revoked or expired early: fetch a fresh one, once
            tokens.invalidate(target);
            response = exchange(method, path, body);
        }
        return response;
    }

    private ScimResponse exchange(String method, String path, JsonNode body) throws DeliveryFailure {
        checkPolicy(target.baseUrl() + path, "baseUrl", target);
        RequestBuilder request = RequestBuilder.create(method)
                .setUri(target.baseUrl() + path)
                .setConfig(timeouts)
                .addHeader("Accept", ScimConstants.MEDIA_TYPE + ", application/json")
                .addHeader("Authorization", authorization());
        if (body != null) {
            request.setEntity(new StringEntity(body.toString(), SCIM_JSON));
        }
        long started = System.nanoTime();
        try (CloseableHttpResponse response = client.execute(request.build())) {
            int status = response.getStatusLine().getStatusCode();
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (text.length() > MAX_BODY_CHARS) {
                text = text.substring(0, MAX_BODY_CHARS);
            }
            Header retryAfter = response.getFirstHeader("Retry-After");
            LOG.debugf("SCIM %s %s -> %d (realm %s, target %s, %d ms)", method, path, status, target.realmId(),
                    target.id(), (System.nanoTime() - started) / 1_000_000);
            return new ScimResponse(status, parse(text), text,
                    RetryPolicy.parseRetryAfter(retryAfter == null ? null : retryAfter.getValue(), System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debugf("SCIM %s %s failed: %s (realm %s, target %s)", method, path, e.getClass().getSimpleName(),
                    target.realmId(), target.id());
            throw new DeliveryFailure(true, null, method + " " + path + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
        }
    }

    /** Applies the {@link UrlPolicy} to {@code url} now; a refusal becomes a {@link DeliveryFailure}. */
    static void checkPolicy(String url, String field, TargetConfig target) throws DeliveryFailure {
        try {
            UrlPolicy.current().checkRequest(url);
        } catch (UrlPolicy.Refused e) {
            LOG.warnf("Outbound URL policy refused the %s of target %s (realm %s): %s", field, target.id(),
                    target.realmId(), e.getMessage());
            throw new DeliveryFailure(e.transientFailure(), null, "outbound URL policy: " + field + " " + e.getMessage(), null);
        }
    }

    private String authorization() throws DeliveryFailure {
        switch (target.authType()) {
            case BASIC:
                String pair = target.username() + ':' + target.password();
                return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            case OAUTH2_CLIENT_CREDENTIALS:
                return "Bearer " + tokens.token(client, target, timeouts);
            case BEARER:
            default:
                return "Bearer " + target.token();
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
