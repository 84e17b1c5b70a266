package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;

/**
 * The one realm all three systems are measured on: Keycloak's native SCIM API is switched on for it
 * ({@code scimApiEnabled} of the realm representation, read by {@code RealmModel.isScimApiEnabled()}), ours is
 * switched on through {@code PUT /admin/realms/{realm}/scim-provisioning/settings} (404 or 405 on builds without that
 * switch, where our API is always on), and one confidential client's service account (realm-management
 * {@code manage-users}, {@code view-users}, {@code query-groups}) calls all three with the same token. The token
 * carries the audience native SCIM requires: the realm's SCIM base URL {@code {server}/realms/{realm}/scim/v2}
 * ({@code ScimRealmResourceFactory} checks {@code AccessToken.hasAudience}), added by an audience mapper. Our API is
 * also called with a read-write provisioning token, the credential identity providers are given.
 */
final class BenchRealm {

    static final String GROUP = "big";

    private final KeycloakServer server;
    private final String name;
    private final BenchHttp http;
    private final BenchHttp provisioningHttp;
    private ClientCredentials credentials;
    private String provisioningSecret;
    private String token;
    private long tokenExpiresAt;
    private String groupId;
    private String ourSettingsNote;

    BenchRealm(KeycloakServer server, String name) {
        this.server = server;
        this.name = name;
        this.http = new BenchHttp(this::token);
        this.provisioningHttp = new BenchHttp(() -> provisioningSecret);
    }

    /** Creates the realm (long-lived access tokens, so no renewal falls inside a measurement), client and group. */
    void create() {
        AdminClient admin = server.admin();
        ObjectNode realm = BenchHttp.JSON.createObjectNode().put("realm", name).put("enabled", true)
                .put("accessTokenLifespan", 7200).put("scimApiEnabled", true);
        expect(admin.post("/admin/realms", realm), 201);
        JsonNode stored = admin.get("/admin/realms/" + name).json();
        if (!stored.path("scimApiEnabled").asBoolean(false)) {
            ObjectNode update = BenchHttp.JSON.createObjectNode().put("scimApiEnabled", true);
            expect(admin.put("/admin/realms/" + name, update), 204);
        }
        HttpResult ours = admin.put("/admin/realms/" + name + "/scim-provisioning/settings",
                BenchHttp.JSON.createObjectNode().put("inboundEnabled", true));
        if (ours.status() == 404 || ours.status() == 405) {
            ourSettingsNote = "PUT .../scim-provisioning/settings answered " + ours.status()
                    + " (no per-realm switch in this build; our API is always on)";
        } else if (ours.status() / 100 != 2) {
            throw new IllegalStateException("cannot enable our SCIM API: " + ours);
        } else {
            ourSettingsNote = "our SCIM API enabled with PUT .../scim-provisioning/settings {\"inboundEnabled\":true} -> " + ours.status();
        }
        credentials = admin.createServiceAccountClient(name, "bench-client", "manage-users", "view-users", "query-users",
                "query-groups");
        String clientUuid = admin.clientUuid(name, "bench-client");
        ObjectNode mapper = BenchHttp.JSON.createObjectNode().put("name", "native-scim-audience")
                .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        mapper.putObject("config").put("included.custom.audience", nativeBase())
                .put("access.token.claim", "true").put("id.token.claim", "false");
        expect(admin.post("/admin/realms/" + name + "/clients/" + clientUuid + "/protocol-mappers/models", mapper), 201);
        // the credential Entra ID and Okta are given (README): a read-write provisioning token of the realm's admin
        provisioningSecret = ScimRealm.createToken(admin, name, "bench-token", "read-write").path("secret").asText();
        HttpResult group = expect(admin.post("/admin/realms/" + name + "/groups",
                BenchHttp.JSON.createObjectNode().put("name", GROUP)), 201);
        String location = group.header("Location");
        groupId = location.substring(location.lastIndexOf('/') + 1);
    }

    String name() {
        return name;
    }

    String groupId() {
        return groupId;
    }

    String ourSettingsNote() {
        return ourSettingsNote;
    }

    BenchHttp http() {
        return http;
    }

    /** Calls our SCIM API with a provisioning token (the other systems take access tokens only). */
    BenchHttp provisioningHttp() {
        return provisioningHttp;
    }

    /** Our SCIM base URL. */
    String oursBase() {
        return server.baseUrl() + "/realms/" + name + "/scim-provisioning/v2";
    }

    /** Keycloak's native SCIM base URL (also the audience its tokens need). */
    String nativeBase() {
        return server.baseUrl() + "/realms/" + name + "/scim/v2";
    }

    /** The Admin REST base of the realm. */
    String adminBase() {
        return server.baseUrl() + "/admin/realms/" + name;
    }

    /** The service account's access token, renewed well before it expires. */
    synchronized String token() {
        if (token == null || System.currentTimeMillis() > tokenExpiresAt) {
            token = server.admin().clientCredentialsToken(credentials);
            tokenExpiresAt = System.currentTimeMillis() + 3_600_000L;
        }
        return token;
    }

    private static HttpResult expect(HttpResult result, int status) {
        if (result.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ": " + result);
        }
        return result;
    }
}
