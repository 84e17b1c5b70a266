package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.targets.TargetConfig;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The "test connection" of a target: reads {@code /ServiceProviderConfig} (RFC 7643 §5) and lists one user
 * ({@code /Users?count=1}, RFC 7644 §3.4.2.4) to prove the credentials, and reports what it found.
 */
public final class TargetProbe {

    private TargetProbe() {
    }

    public static ObjectNode probe(KeycloakSession session, TargetConfig stored) {
        TargetConfig target = SnapshotLoader.resolveSecrets(session, stored);
        ScimHttp http = new ScimHttp(session.getProvider(HttpClientProvider.class).getHttpClient(), target, new TokenCache());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("baseUrl", target.baseUrl());
        try {
            ScimResponse config = http.send("GET", "/ServiceProviderConfig", null);
            result.put("reachable", true);
            ObjectNode spc = result.putObject("serviceProviderConfig");
            spc.put("status", config.status());
            if (config.ok() && config.body() != null) {
                JsonNode body = config.body();
                spc.put("patch", body.path("patch").path("supported").asBoolean(false));
                spc.put("bulk", body.path("bulk").path("supported").asBoolean(false));
                if (body.path("bulk").has("maxOperations")) {
                    spc.put("bulkMaxOperations", body.path("bulk").path("maxOperations").asInt());
                }
                spc.put("filter", body.path("filter").path("supported").asBoolean(false));
                if (body.path("filter").has("maxResults")) {
                    spc.put("filterMaxResults", body.path("filter").path("maxResults").asInt());
                }
                spc.put("sort", body.path("sort").path("supported").asBoolean(false));
                spc.put("etag", body.path("etag").path("supported").asBoolean(false));
            } else {
                spc.put("error", "HTTP " + config.status() + config.errorSummary());
            }
            ScimResponse users = http.send("GET", "/Users?count=1", null);
            result.put("authenticated", users.status() != 401 && users.status() != 403);
            result.put("usersStatus", users.status());
            result.put("ok", users.ok() && config.ok());
            if (!users.ok()) {
                result.put("error", "GET /Users -> HTTP " + users.status() + users.errorSummary());
            }
        } catch (DeliveryFailure e) {
            result.put("reachable", e.status() != null);
            result.put("ok", false);
            result.put("error", e.getMessage());
        }
        return result;
    }
}
