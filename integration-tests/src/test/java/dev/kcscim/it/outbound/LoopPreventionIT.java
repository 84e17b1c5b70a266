package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import dev.kcscim.testsupport.scim.ScimTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loop prevention: a change that came in through our inbound SCIM API from client {@code idp-sync} (the inbound
 * side marks the session {@code dev.kcscim.inbound.source = client:idp-sync}) is not pushed to the target whose
 * {@code source} is {@code client:idp-sync}, while another target still receives it; a change from elsewhere
 * reaches both. Depends on the inbound part setting that session attribute (branch wt-auth).
 */
@KeycloakIntegrationTest
class LoopPreventionIT {

    private static OutboundFixture fx;
    private static MockScimTarget other;
    private static String guardedId;
    private static ScimTestClient inbound;

    @BeforeAll
    static void setUp(AdminClient admin, KeycloakServer server) {
        fx = new OutboundFixture(admin, "outbound-loop");
        HttpResult enabled = admin.put("/admin/realms/" + fx.realm + "/scim-provisioning/settings",
                JSON.createObjectNode().put("inboundEnabled", true));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        ClientCredentials idp = admin.createServiceAccountClient(fx.realm, "idp-sync", "manage-users", "view-users");
        inbound = new ScimTestClient(server.scimBaseUrl(fx.realm), () -> admin.clientCredentialsToken(idp));
        guardedId = fx.registerTarget(OutboundFixture.targetJson("idp", fx.target.baseUrl()).put("source", "client:idp-sync"));
        fx.targetId = guardedId;
        other = new MockScimTarget(OutboundFixture.TOKEN).start();
        fx.registerTarget(OutboundFixture.targetJson("other", other.baseUrl()));
    }

    @AfterAll
    static void tearDown() {
        if (other != null) {
            other.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void sourceIsStoredAndValidated() {
        assertThat(fx.admin.get(fx.targetPath(guardedId)).json().path("source").asText()).isEqualTo("client:idp-sync");
        HttpResult bad = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("bad", other.baseUrl())
                .put("source", "idp-sync"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().path("errors").toString())
                .contains("source: must be token:<provisioning token id> or client:<clientId>");
    }

    @Test
    void aChangeFromTheSourceIsNotEchoedBackToIt() {
        ObjectNode user = JSON.createObjectNode().put("userName", "loop-1").put("active", true);
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        HttpResult created = inbound.post("/Users", user);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        await("loop-1 on the other target", () -> other.users().findBy("userName", "loop-1") != null);
        fx.awaitAllIdle();
        assertThat(fx.target.users().findBy("userName", "loop-1")).isNull();
        assertThat(fx.target.requests(r -> r.is("POST", "/Users"))).isEmpty();

        // The same kind of change from the admin API reaches both targets
        fx.createUser("loop-2", null, null, null);
        await("loop-2 on the source target", () -> fx.target.users().findBy("userName", "loop-2") != null);
        await("loop-2 on the other target", () -> other.users().findBy("userName", "loop-2") != null);
    }
}
