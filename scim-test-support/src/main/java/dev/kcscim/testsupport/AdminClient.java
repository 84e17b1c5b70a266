package dev.kcscim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak Admin REST calls as the bootstrap admin of the master realm. The admin token is fetched with the
 * password grant of {@code admin-cli} and renewed shortly before it expires (master tokens live 60 s).
 */
public final class AdminClient {

    private final String baseUrl;
    private final String username;
    private final String password;
    private String token;
    private long tokenExpiresAtMillis;

    public AdminClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A valid master-realm admin access token. */
    public synchronized String token() {
        if (token == null || System.currentTimeMillis() > tokenExpiresAtMillis) {
            HttpResult result = TestHttp.postForm(baseUrl + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
            JsonNode body = expect(result, 200);
            token = body.get("access_token").asText();
            long lifetimeSeconds = body.path("expires_in").asLong(60);
            tokenExpiresAtMillis = System.currentTimeMillis() + Math.max(5, lifetimeSeconds - 15) * 1000;
        }
        return token;
    }

    /** {@code GET baseUrl + path} with the admin token, e.g. {@code /admin/realms/demo/users}. */
    public HttpResult get(String path) {
        return TestHttp.get(baseUrl + path, token());
    }

    public HttpResult post(String path, Object json) {
        return TestHttp.send("POST", baseUrl + path, token(), "application/json", toJson(json));
    }

    public HttpResult put(String path, Object json) {
        return TestHttp.send("PUT", baseUrl + path, token(), "application/json", toJson(json));
    }

    public HttpResult delete(String path) {
        return TestHttp.send("DELETE", baseUrl + path, token(), null, null);
    }

    /** {@code GET /admin/serverinfo}: providers, themes, features. */
    public JsonNode serverInfo() {
        return expect(get("/admin/serverinfo"), 200);
    }

    public boolean realmExists(String realm) {
        return get("/admin/realms/" + realm).status() == 200;
    }

    /** Creates an enabled realm; fails on any answer but 201. */
    public void createRealm(String realm) {
        ObjectNode rep = HttpResult.MAPPER.createObjectNode().put("realm", realm).put("enabled", true);
        expect(post("/admin/realms", rep), 201);
    }

    /** Deletes a realm; a realm that is already gone is fine. */
    public void deleteRealm(String realm) {
        HttpResult result = delete("/admin/realms/" + realm);
        if (result.status() != 204 && result.status() != 404) {
            throw new IllegalStateException("cannot delete realm: " + result);
        }
    }

    /**
     * Creates a confidential client with a service account holding the given client roles of
     * {@code realm-management} (e.g. {@code manage-users}, {@code view-users}), and returns its credentials.
     */
    public ClientCredentials createServiceAccountClient(String realm, String clientId, String... realmManagementRoles) {
        String admin = "/admin/realms/" + realm;
        ObjectNode rep = HttpResult.MAPPER.createObjectNode()
                .put("clientId", clientId)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        HttpResult created = expectResult(post(admin + "/clients", rep), 201);
        String id = lastSegment(created.header("Location"));
        String secret = expect(get(admin + "/clients/" + id + "/client-secret"), 200).get("value").asText();
        if (realmManagementRoles.length > 0) {
            String serviceAccountId = expect(get(admin + "/clients/" + id + "/service-account-user"), 200).get("id").asText();
            String realmManagementId = clientUuid(realm, "realm-management");
            ArrayNode roles = HttpResult.MAPPER.createArrayNode();
            for (String role : realmManagementRoles) {
                roles.add(expect(get(admin + "/clients/" + realmManagementId + "/roles/" + role), 200));
            }
            expect(post(admin + "/users/" + serviceAccountId + "/role-mappings/clients/" + realmManagementId, roles), 204);
        }
        return new ClientCredentials(realm, clientId, secret);
    }

    /** The internal id of a client, by its clientId. */
    public String clientUuid(String realm, String clientId) {
        JsonNode found = expect(get("/admin/realms/" + realm + "/clients?clientId=" + TestHttp.encode(clientId)), 200);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one client '" + clientId + "' in realm " + realm + ", found " + found.size());
        }
        return found.get(0).get("id").asText();
    }

    /** An access token of {@code credentials}' realm through the client-credentials grant. */
    public String clientCredentialsToken(ClientCredentials credentials) {
        HttpResult result = TestHttp.postForm(baseUrl + "/realms/" + credentials.realm() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials",
                "client_id", credentials.clientId(),
                "client_secret", credentials.clientSecret()));
        return expect(result, 200).get("access_token").asText();
    }

    /** Names of the providers Keycloak loaded for one SPI, from the server info. */
    public List<String> providerIds(String spi) {
        JsonNode providers = serverInfo().path("providers").path(spi).path("providers");
        List<String> ids = new ArrayList<>();
        providers.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    static JsonNode expect(HttpResult result, int status) {
        return expectResult(result, status).body().isEmpty() ? HttpResult.MAPPER.nullNode() : result.json();
    }

    static HttpResult expectResult(HttpResult result, int status) {
        if (result.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ": " + result);
        }
        return result;
    }

    private static String lastSegment(String location) {
        if (location == null) {
            throw new IllegalStateException("no Location header");
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String toJson(Object json) {
        if (json instanceof String s) {
            return s;
        }
        try {
            return HttpResult.MAPPER.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
