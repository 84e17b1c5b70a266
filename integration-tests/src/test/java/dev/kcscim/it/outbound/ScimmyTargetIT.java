package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.mocktarget.ScimmyTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provisioning into an independent SCIM implementation (the npm package SCIMMY), asserting the target's stored
 * state: users created, updated, disabled and deleted; groups created, renamed and deleted; members added and
 * removed. Skipped, with the reason, where {@code node}/{@code npm} are missing.
 */
@KeycloakIntegrationTest
class ScimmyTargetIT {

    private static OutboundFixture fx;
    private static ScimmyTarget scimmy;

    @BeforeAll
    static void setUp(AdminClient admin) {
        assumeTrue(ScimmyTarget.available(), "node and npm are needed for the SCIMMY target (scripts/install-test-prerequisites.sh)");
        scimmy = ScimmyTarget.start(OutboundFixture.TOKEN);
        fx = new OutboundFixture(admin, "outbound-scimmy");
        HttpResult created = admin.post(fx.targetsPath(), OutboundFixture.targetJson("scimmy", scimmy.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        fx.targetId = created.json().get("id").asText();
        HttpResult test = admin.post(fx.targetPath() + "/test", "");
        assertThat(test.json().path("ok").asBoolean()).as(test.toString()).isTrue();
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
        if (scimmy != null) {
            scimmy.close();
        }
    }

    @Test
    void userLifecycle() {
        String id = fx.createUser("henry", "Henry", "Hill", "henry@example.com");
        await("henry on SCIMMY", () -> scimmy.user("henry") != null);
        JsonNode henry = scimmy.user("henry");
        assertThat(henry.path("externalId").asText()).isEqualTo(id);
        assertThat(henry.path("name").path("givenName").asText()).isEqualTo("Henry");
        assertThat(henry.path("emails").get(0).path("value").asText()).isEqualTo("henry@example.com");
        assertThat(henry.path("active").asBoolean()).isTrue();

        fx.updateUser(id, JSON.createObjectNode().put("firstName", "Harry").put("email", "harry@example.com"));
        await("henry renamed", () -> "Harry".equals(scimmy.user("henry").path("name").path("givenName").asText()));
        assertThat(scimmy.user("henry").path("emails")).hasSize(1);
        assertThat(scimmy.user("henry").path("emails").get(0).path("value").asText()).isEqualTo("harry@example.com");

        fx.updateUser(id, JSON.createObjectNode().put("enabled", false));
        await("henry inactive", () -> !scimmy.user("henry").path("active").asBoolean(true));

        assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/users/" + id).status()).isEqualTo(204);
        await("henry deleted", () -> scimmy.user("henry") == null);
    }

    @Test
    void groupLifecycleWithMembers() {
        String groupId = fx.createGroup("support");
        String ivy = fx.createUser("ivy", null, null, null);
        String jack = fx.createUser("jack", null, null, null);
        String membership = "/admin/realms/" + fx.realm + "/users/%s/groups/" + groupId;
        assertThat(fx.admin.put(String.format(membership, ivy), "").status()).isEqualTo(204);
        assertThat(fx.admin.put(String.format(membership, jack), "").status()).isEqualTo(204);
        await("two members on SCIMMY", () -> scimmy.group("support") != null
                && scimmy.group("support").path("members").size() == 2);
        String remoteJack = scimmy.user("jack").path("id").asText();

        assertThat(fx.admin.delete(String.format(membership, ivy)).status()).isEqualTo(204);
        await("one member left", () -> scimmy.group("support").path("members").size() == 1);
        assertThat(scimmy.group("support").path("members").get(0).path("value").asText()).isEqualTo(remoteJack);

        assertThat(fx.admin.put("/admin/realms/" + fx.realm + "/groups/" + groupId,
                JSON.createObjectNode().put("name", "helpdesk")).status()).isEqualTo(204);
        await("group renamed", () -> scimmy.group("helpdesk") != null);
        assertThat(scimmy.group("helpdesk").path("externalId").asText()).isEqualTo(groupId);

        assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/groups/" + groupId).status()).isEqualTo(204);
        await("group deleted", () -> scimmy.group("helpdesk") == null);
    }
}
