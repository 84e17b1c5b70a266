package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcscim.client.targets.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;

/**
 * Access tokens of OAuth2 client-credentials targets (RFC 6749 §4.4), cached per target until 30 s before they
 * expire and dropped when the target answers 401. The client authenticates with {@code client_secret_post}.
 * The token URL is checked against the outbound URL policy before every request; redirects are not followed.
 */
final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, long expiresAt) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    String token(CloseableHttpClient client, TargetConfig target, RequestConfig timeouts) throws DeliveryFailure {
        String key = key(target);
        Token cached = tokens.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && cached.expiresAt > now) {
            return cached.value;
        }
        ScimHttp.checkPolicy(target.tokenUrl(), "auth.tokenUrl", target);
        HttpPost post = new HttpPost(target.tokenUrl());
        post.setConfig(timeouts);
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("grant_type", "client_credentials"));
        form.add(new BasicNameValuePair("client_id", target.clientId()));
        form.add(new BasicNameValuePair("client_secret", target.clientSecret()));
        if (target.scope() != null && !target.scope().isBlank()) {
            form.add(new BasicNameValuePair("scope", target.scope()));
        }
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        try (CloseableHttpResponse response = client.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new DeliveryFailure(RetryPolicy.isRetryable(status), status,
                        "token endpoint -> HTTP " + status, null);
            }
            JsonNode json = JSON.readTree(body);
            String value = json.path("access_token").asText(null);
            if (value == null) {
                throw new DeliveryFailure(false, status, "token endpoint answered without access_token", null);
            }
            long lifetime = json.path("expires_in").asLong(60);
            tokens.put(key, new Token(value, now + Math.max(5, lifetime - 30) * 1000));
            return value;
        } catch (IOException e) {
            throw new DeliveryFailure(true, null, "token endpoint unreachable: " + e.getClass().getSimpleName(), null);
        }
    }

    void invalidate(TargetConfig target) {
        tokens.remove(key(target));
    }

    private static String key(TargetConfig target) {
        return target.id() + '|' + target.tokenUrl() + '|' + target.clientId() + '|' + target.scope();
    }
}
