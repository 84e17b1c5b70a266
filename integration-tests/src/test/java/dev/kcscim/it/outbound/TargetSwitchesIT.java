package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The behaviour switches: {@code usePatch: never} (PUT), {@code deleteMode: deactivate}, {@code on404: recreate}. */
@KeycloakIntegrationTest
class TargetSwitchesIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-switches");
        ObjectNode json = OutboundFixture.targetJson("put-only", fx.target.baseUrl())
                .put("usePatch", "never").put("deleteMode", "deactivate").put("on404", "recreate");
        HttpResult created = admin.post(fx.targetsPath(), json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        fx.targetId = created.json().get("id").asText();
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void updatesArePutWhenPatchIsNeverUsed() {
        String id = fx.createUser("nora", "Nora", "North", null);
        await("nora on the target", () -> fx.target.users().findBy("userName", "nora") != null);
        String remoteId = fx.target.users().findBy("userName", "nora").get("id").asText();
        fx.updateUser(id, JSON.createObjectNode().put("lastName", "Nash"));
        await("nora renamed", () -> "Nash".equals(fx.target.users().get(remoteId).path("name").path("familyName").asText()));
        assertThat(fx.target.requests(r -> r.is("PATCH", "/Users"))).isEmpty();
        var puts = fx.target.requests(r -> r.is("PUT", "/Users/" + remoteId));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).body().path("userName").asText()).isEqualTo("nora");
        assertThat(puts.get(0).body().path("externalId").asText()).isEqualTo(id);
    }

    @Test
    void deleteDeactivatesInstead() {
        String id = fx.createUser("otto", null, null, null);
        await("otto on the target", () -> fx.target.users().findBy("userName", "otto") != null);
        String remoteId = fx.target.users().findBy("userName", "otto").get("id").asText();
        assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/users/" + id).status()).isEqualTo(204);
        await("otto inactive", () -> !fx.target.users().get(remoteId).path("active").asBoolean(true));
        assertThat(fx.target.requests(r -> r.is("DELETE", "/Users"))).isEmpty();
        assertThat(fx.target.users().get(remoteId).path("userName").asText()).isEqualTo("otto");
    }

    @Test
    void aUserDeletedOnTheTargetIsRecreatedOnTheNextUpdate() {
        String id = fx.createUser("pia", null, null, null);
        await("pia on the target", () -> fx.target.users().findBy("userName", "pia") != null);
        String remoteId = fx.target.users().findBy("userName", "pia").get("id").asText();
        assertThat(fx.target.users().remove(remoteId)).isTrue();
        fx.updateUser(id, JSON.createObjectNode().put("firstName", "Pia"));
        await("pia recreated", () -> fx.target.users().findBy("userName", "pia") != null);
        assertThat(fx.target.users().findBy("userName", "pia").path("name").path("givenName").asText()).isEqualTo("Pia");
        assertThat(fx.target.users().findBy("userName", "pia").path("id").asText()).isNotEqualTo(remoteId);
    }
}
