package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/realms/{realm}/scim-provisioning/targets}: CRUD, validation, secret masking, test connection. */
@KeycloakIntegrationTest
class TargetsAdminIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-targets");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void createReadUpdateDeleteWithMaskedSecrets() {
        HttpResult created = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("crm", fx.target.baseUrl()));
        assertThat(created.status()).isEqualTo(201);
        JsonNode target = created.json();
        String id = target.get("id").asText();
        assertThat(created.header("Location")).endsWith("/scim-provisioning/targets/" + id);
        assertThat(target.path("name").asText()).isEqualTo("crm");
        assertThat(target.path("auth").path("type").asText()).isEqualTo("bearer");
        assertThat(target.path("auth").path("token").asText()).isEqualTo("**********");
        assertThat(target.path("deleteMode").asText()).isEqualTo("delete");
        assertThat(target.path("on404").asText()).isEqualTo("recreate");
        assertThat(target.path("usePatch").asText()).isEqualTo("auto");
        assertThat(target.path("retryBudgetHours").asInt()).isEqualTo(24);
        assertThat(created.body()).doesNotContain(OutboundFixture.TOKEN);

        JsonNode list = fx.admin.get(fx.targetsPath()).json();
        assertThat(list).hasSize(1);
        assertThat(list.toString()).doesNotContain(OutboundFixture.TOKEN);
        // Stored as a realm component, so it travels with realm export and Keycloak's component API masks it too
        JsonNode component = fx.admin.get("/admin/realms/" + fx.realm + "/components/" + id).json();
        assertThat(component.path("providerType").asText()).isEqualTo("dev.kcscim.client.targets.ScimTargetProvider");
        assertThat(component.toString()).doesNotContain(OutboundFixture.TOKEN);

        ObjectNode update = (ObjectNode) target.deepCopy();
        update.put("deleteMode", "deactivate");
        HttpResult updated = fx.admin.put(fx.targetsPath() + "/" + id, update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("deleteMode").asText()).isEqualTo("deactivate");

        // The masked token was kept: the test endpoint still authenticates
        HttpResult test = fx.admin.post(fx.targetsPath() + "/" + id + "/test", "");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("ok").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.json().path("authenticated").asBoolean()).isTrue();
        assertThat(test.json().path("serviceProviderConfig").path("patch").asBoolean()).isTrue();
        assertThat(test.json().path("serviceProviderConfig").path("bulk").asBoolean()).isFalse();
        assertThat(test.json().path("serviceProviderConfig").path("filter").asBoolean()).isTrue();

        assertThat(fx.admin.delete(fx.targetsPath() + "/" + id).status()).isEqualTo(204);
        assertThat(fx.admin.get(fx.targetsPath() + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void invalidTargetsAreRejectedWithEveryProblem() {
        ObjectNode bad = OutboundFixture.targetJson("bad", "ftp://example.com/scim");
        ((ObjectNode) bad.get("auth")).remove("token");
        bad.put("deleteMode", "shred");
        HttpResult rejected = fx.admin.post(fx.targetsPath(), bad);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("errors").toString())
                .contains("baseUrl: must be an absolute http or https URL")
                .contains("auth.token: is required")
                .contains("deleteMode: must be one of delete, deactivate");
        assertThat(fx.admin.post(fx.targetsPath(), "{not json").status()).isEqualTo(400);
        assertThat(fx.admin.get(fx.targetsPath()).json()).noneMatch(t -> t.path("name").asText().equals("bad"));
    }

    @Test
    void wrongTokenIsReportedByTheTestEndpoint() {
        ObjectNode json = OutboundFixture.targetJson("wrong-token", fx.target.baseUrl());
        ((ObjectNode) json.get("auth")).put("token", "not-the-token");
        HttpResult created = fx.admin.post(fx.targetsPath(), json);
        assertThat(created.status()).isEqualTo(201);
        HttpResult test = fx.admin.post(fx.targetsPath() + "/" + created.json().get("id").asText() + "/test", "");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("ok").asBoolean()).isFalse();
        assertThat(test.json().path("authenticated").asBoolean()).isFalse();
        assertThat(test.json().path("usersStatus").asInt()).isEqualTo(401);
    }

    @Test
    void unknownTargetIs404() {
        HttpResult missing = fx.admin.get(fx.targetsPath() + "/no-such-id");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("errorMessage").asText()).contains("no-such-id");
    }

    @Test
    void duplicateNameIs409() {
        assertThat(fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("dup", fx.target.baseUrl())).status())
                .isEqualTo(201);
        HttpResult second = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("dup", fx.target.baseUrl()));
        assertThat(second.status()).isEqualTo(409);
    }
}
