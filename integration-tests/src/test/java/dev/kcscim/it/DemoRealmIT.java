package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.DemoServer;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
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
    void demoRealmHasScimOnAndOneFreshTokenPerStart(KeycloakServer server, AdminClient admin) {
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
        } finally {
            if (!existed) {
                admin.deleteRealm(DemoServer.REALM);
            }
        }
    }
}
