package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keycloak to Keycloak: realm {@code outbound-own-src} provisions into our own inbound SCIM server of realm
 * {@code outbound-own-dst}, authenticating with OAuth2 client credentials against the destination realm; the
 * destination's stored users and groups are asserted through its Admin REST API. Also: a change made through the
 * source realm's own inbound SCIM API is pushed on like any other.
 */
@KeycloakIntegrationTest
class OwnServerTargetIT {

    private static final String DST = "outbound-own-dst";
    private static OutboundFixture fx;
    private static AdminClient admin;
    private static String scimToken;
    private static String srcScim;

    @BeforeAll
    static void setUp(AdminClient adminClient, KeycloakServer server) {
        admin = adminClient;
        fx = new OutboundFixture(admin, "outbound-own-src");
        if (admin.realmExists(DST)) {
            admin.deleteRealm(DST);
        }
        admin.createRealm(DST);
        ScimRealm.enableScim(admin, DST);
        ScimRealm.enableScim(admin, fx.realm);
        ClientCredentials provisioner = admin.createServiceAccountClient(DST, "provisioner", "manage-users", "view-users");
        ObjectNode target = JSON.createObjectNode().put("name", "keycloak-dst").put("baseUrl", server.scimBaseUrl(DST));
        target.putObject("auth").put("type", "oauth2_client_credentials")
                .put("tokenUrl", server.baseUrl() + "/realms/" + DST + "/protocol/openid-connect/token")
                .put("clientId", provisioner.clientId()).put("clientSecret", provisioner.clientSecret());
        HttpResult created = admin.post(fx.targetsPath(), target);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        fx.targetId = created.json().get("id").asText();
        fx.registerTarget("mock");
        ClientCredentials srcClient = admin.createServiceAccountClient(fx.realm, "src-scim", "manage-users", "view-users");
        scimToken = admin.clientCredentialsToken(srcClient);
        srcScim = server.scimBaseUrl(fx.realm);
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
            admin.deleteRealm(DST);
        }
    }

    private static JsonNode dstUser(String username) {
        JsonNode found = admin.get("/admin/realms/" + DST + "/users?exact=true&username=" + username).json();
        return found.isEmpty() ? null : found.get(0);
    }

    private static JsonNode dstGroup(String name) {
        JsonNode found = admin.get("/admin/realms/" + DST + "/groups?exact=true&search=" + name).json();
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void usersReachTheOtherRealm() {
        String id = fx.createUser("kate", "Kate", "King", "kate@example.com");
        await("kate in the destination realm", () -> dstUser("kate") != null);
        assertThat(dstUser("kate").path("firstName").asText()).isEqualTo("Kate");
        assertThat(dstUser("kate").path("email").asText()).isEqualTo("kate@example.com");

        fx.updateUser(id, JSON.createObjectNode().put("lastName", "Knight"));
        await("kate renamed", () -> "Knight".equals(dstUser("kate").path("lastName").asText()));

        fx.updateUser(id, JSON.createObjectNode().put("enabled", false));
        await("kate disabled", () -> !dstUser("kate").path("enabled").asBoolean(true));

        assertThat(admin.delete("/admin/realms/" + fx.realm + "/users/" + id).status()).isEqualTo(204);
        await("kate deleted", () -> dstUser("kate") == null);
    }

    @Test
    void groupsAndMembersReachTheOtherRealm() {
        String groupId = fx.createGroup("finance");
        String leo = fx.createUser("leo", null, null, null);
        assertThat(admin.put("/admin/realms/" + fx.realm + "/users/" + leo + "/groups/" + groupId, "").status())
                .isEqualTo(204);
        await("finance with leo", () -> {
            JsonNode group = dstGroup("finance");
            if (group == null) {
                return false;
            }
            JsonNode members = admin.get("/admin/realms/" + DST + "/groups/" + group.get("id").asText() + "/members").json();
            return members.size() == 1 && members.get(0).path("username").asText().equals("leo");
        });
        assertThat(admin.delete("/admin/realms/" + fx.realm + "/groups/" + groupId).status()).isEqualTo(204);
        await("finance deleted", () -> dstGroup("finance") == null);
    }

    /** Origin: our inbound SCIM API of the source realm. */
    @Test
    void changesMadeThroughTheInboundScimApiArePushedOn() {
        ObjectNode user = JSON.createObjectNode().put("userName", "mia").put("active", true);
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        HttpResult created = TestHttp.send("POST", srcScim + "/Users", scimToken, "application/scim+json", user.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        await("mia on the mock", () -> fx.target.users().findBy("userName", "mia") != null);
        await("mia in the destination realm", () -> dstUser("mia") != null);
    }
}
