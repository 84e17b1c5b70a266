package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/settings} and the per-realm switch it holds: a new realm's SCIM
 * API is off, and then every SCIM URL (discovery included, valid token or not) is a SCIM 404; switched on it works;
 * switched off again it is 404 again. Also {@code /scim-provisioning/user-extension}.
 */
@KeycloakIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScimSettingsIT {

    static final String URN = "urn:example:params:scim:schemas:extension:switch:2.0:User";

    static String realm;
    static AdminClient admin;
    static KeycloakServer server;
    static String settings;
    static String extension;
    static String viewerToken;

    @BeforeAll
    static void createRealm(KeycloakServer keycloak, AdminClient adminClient) {
        admin = adminClient;
        server = keycloak;
        realm = "switch-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(realm);
        settings = "/admin/realms/" + realm + "/scim-provisioning/settings";
        extension = "/admin/realms/" + realm + "/scim-provisioning/user-extension";
        InboundPeople.createUser(admin, realm, "viewer", "view-realm");
        viewerToken = InboundPeople.userToken(keycloak.baseUrl(), realm, "viewer");
    }

    @AfterAll
    static void deleteRealm() {
        admin.deleteRealm(realm);
    }

    static void assertScimNotFound(HttpResult result) {
        assertError(result, 404, null);
        assertThat(result.json().path("detail").asText()).startsWith("No SCIM endpoint at /realms/" + realm + "/scim-provisioning/");
        assertThat(result.header("WWW-Authenticate")).isNull();
    }

    @Test
    @Order(1)
    void offByDefaultThenOnThenOffAgain() {
        ClientCredentials client = admin.createServiceAccountClient(realm, "switch-client", "manage-users", "view-users");
        String token = admin.clientCredentialsToken(client);
        String base = server.scimBaseUrl(realm);

        JsonNode initial = admin.get(settings).json();
        assertThat(initial.path("inboundEnabled").asBoolean()).isFalse();
        assertThat(initial.path("scimBaseUrl").asText()).isEqualTo(base);
        assertThat(initial.path("adminUiUrl").asText()).isEqualTo(base.replace("/v2", "/admin-ui/"));
        assertScimNotFound(TestHttp.get(base + "/ServiceProviderConfig", null));
        assertScimNotFound(TestHttp.get(base + "/Schemas", null));
        assertScimNotFound(TestHttp.get(base + "/Users", token));
        assertScimNotFound(TestHttp.get(base + "/Users", null));
        assertScimNotFound(TestHttp.send("POST", base + "/Users", token, "application/scim+json", "{\"userName\":\"switched.off\"}"));
        assertThat(admin.get("/admin/realms/" + realm + "/users?username=switched.off&exact=true").json().size()).isZero();

        HttpResult on = admin.put(settings, "{\"inboundEnabled\":true}");
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().path("inboundEnabled").asBoolean()).isTrue();
        assertThat(admin.get(settings).json().path("inboundEnabled").asBoolean()).isTrue();
        assertThat(TestHttp.get(base + "/ServiceProviderConfig", null).status()).isEqualTo(200);
        assertThat(TestHttp.send("POST", base + "/Users", token, "application/scim+json", "{\"userName\":\"switched.on\"}").status())
                .isEqualTo(201);

        // the read-only base URL may be sent back as read
        HttpResult off = admin.put(settings, ((ObjectNode) on.json()).put("inboundEnabled", false).toString());
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertScimNotFound(TestHttp.get(base + "/ServiceProviderConfig", null));
        assertScimNotFound(TestHttp.get(base + "/Users", token));
    }

    @Test
    void settingsRejectBadInputAndNeedManageRealm() {
        assertThat(admin.put(settings, "{\"inboundEnabled\":\"yes\"}").status()).isEqualTo(400);
        assertThat(admin.put(settings, "{}").json().path("errorMessage").asText()).contains("'inboundEnabled' is required");
        assertThat(admin.put(settings, "{\"inboundEnabled\":true,\"enabled\":true}").json().path("errorMessage").asText())
                .contains("Unknown field 'enabled'");
        assertThat(admin.put(settings, "not json").status()).isEqualTo(400);

        assertThat(TestHttp.get(admin.baseUrl() + settings, viewerToken).status()).isEqualTo(200);
        assertThat(TestHttp.send("PUT", admin.baseUrl() + settings, viewerToken, "application/json", "{\"inboundEnabled\":true}").status())
                .isEqualTo(403);
    }

    @Test
    void userExtensionIsManagedThroughTheAdminApi() {
        assertThat(admin.get(extension).status()).isEqualTo(404);
        String definition = json("{'id':'" + URN + "','name':'SwitchUser','attributes':["
                + "{'name':'badge','type':'string','keycloakAttribute':'badge_no'}]}").toString();

        assertThat(TestHttp.send("PUT", admin.baseUrl() + extension, viewerToken, "application/json", definition).status())
                .isEqualTo(403);
        HttpResult stored = admin.put(extension, definition);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().path("id").asText()).isEqualTo(URN);
        assertThat(stored.json().path("attributes").get(0).path("keycloakAttribute").asText()).isEqualTo("badge_no");
        assertThat(TestHttp.get(admin.baseUrl() + extension, viewerToken).json().path("id").asText()).isEqualTo(URN);

        assertThat(admin.put(settings, "{\"inboundEnabled\":true}").status()).isEqualTo(200);
        JsonNode schemas = TestHttp.get(server.scimBaseUrl(realm) + "/Schemas", null).json();
        assertThat(schemas.toString()).contains(URN, "badge");

        HttpResult ietf = admin.put(extension, json("{'id':'urn:ietf:params:scim:schemas:extension:x:2.0:User','name':'X',"
                + "'attributes':[{'name':'a','type':'string'}]}").toString());
        assertThat(ietf.status()).isEqualTo(400);
        assertThat(ietf.json().path("errorMessage").asText()).contains("needs its own URN");
        HttpResult complex = admin.put(extension, json("{'id':'" + URN + "','name':'X','attributes':[{'name':'a','type':'complex',"
                + "'subAttributes':[{'name':'b','type':'string'}]}]}").toString());
        assertThat(complex.status()).isEqualTo(400);
        assertThat(complex.json().path("errorMessage").asText()).contains("simple type");
        assertThat(admin.put(extension, "{\"id\":").status()).isEqualTo(400);
        assertThat(admin.put(extension, "[]").status()).isEqualTo(400);
        assertThat(admin.get(extension).json().path("name").asText()).isEqualTo("SwitchUser");

        assertThat(admin.delete(extension).status()).isEqualTo(204);
        assertThat(admin.get(extension).status()).isEqualTo(404);
        assertThat(TestHttp.get(server.scimBaseUrl(realm) + "/Schemas", null).body()).doesNotContain(URN);
    }
}
