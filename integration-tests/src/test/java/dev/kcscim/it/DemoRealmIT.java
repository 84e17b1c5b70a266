package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.DemoServer;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./run.sh} sets up (DemoServer): the demo realm with its SCIM API switched on, and at every start a
 * fresh provisioning token that works while the previous start's one is revoked.
 */
@KeycloakIntegrationTest
class DemoRealmIT {

    @Test
    void demoRealmHasScimOnAndOneFreshTokenPerStart(KeycloakServer server, AdminClient admin) throws InterruptedException {
        boolean existed = admin.realmExists(DemoServer.REALM);
        try {
            DemoServer.ensureDemoRealm(admin);
            String first = DemoServer.freshProvisioningToken(admin);
            DemoServer.ensureDemoRealm(admin);
            String second = DemoServer.freshProvisioningToken(admin);
            String users = server.scimBaseUrl(DemoServer.REALM) + "/Users?count=1";

            assertThat(TestHttp.get(server.scimBaseUrl(DemoServer.REALM) + "/ServiceProviderConfig", null).status()).isEqualTo(200);
            assertThat(TestHttp.get(users, second).status()).isEqualTo(200);
            assertThat(TestHttp.get(users, first).status()).isEqualTo(401);
            JsonNode tokens = admin.get("/admin/realms/" + DemoServer.REALM + "/scim-provisioning/tokens").json();
            assertThat(tokens.findValuesAsText("name")).containsOnlyOnce("demo-banner");

            // The demo realm admin gets a fresh random password at every start; the previous one stops working
            String firstPassword = DemoServer.ensureDemoAdmin(admin);
            String secondPassword = DemoServer.ensureDemoAdmin(admin);
            assertThat(secondPassword).isNotEqualTo(firstPassword).hasSizeGreaterThanOrEqualTo(20);
            String tokenUrl = server.baseUrl() + "/realms/" + DemoServer.REALM + "/protocol/openid-connect/token";
            assertThat(TestHttp.postForm(tokenUrl, java.util.Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", "demo-admin", "password", secondPassword)).status()).isEqualTo(200);
            assertThat(TestHttp.postForm(tokenUrl, java.util.Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", "demo-admin", "password", firstPassword)).status()).isIn(400, 401);

            // The demo target: a second start gives it a fresh token, and a user made in demo reaches the downstream realm
            String targetId = DemoServer.ensureDemoTarget(server, admin);
            assertThat(DemoServer.ensureDemoTarget(server, admin)).isEqualTo(targetId);
            HttpResult created = admin.post("/admin/realms/" + DemoServer.REALM + "/users",
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("username", "demo-pushed").put("enabled", true)
                            .put("firstName", "Demo").put("lastName", "Pushed"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String downstream = "/admin/realms/" + DemoServer.DOWNSTREAM + "/users?username=demo-pushed&exact=true";
            long deadline = System.currentTimeMillis() + 30_000;
            while (admin.get(downstream).json().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(admin.get(downstream).json().path(0).path("firstName").asText()).isEqualTo("Demo");
            assertThat(admin.get("/admin/realms/" + DemoServer.REALM + "/scim-provisioning/targets/" + targetId + "/status")
                    .json().path("deadLetters").asLong()).isZero();
        } finally {
            if (!existed) {
                admin.deleteRealm(DemoServer.REALM);
                admin.deleteRealm(DemoServer.DOWNSTREAM);
            }
        }
    }
}
