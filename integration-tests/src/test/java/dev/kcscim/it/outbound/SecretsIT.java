package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: target credentials (bearer token, basic password, OAuth client secret) and provisioning tokens never
 * appear in clear in the server log (at DEBUG for our packages, while deliveries fail and SCIM requests are
 * authenticated), in any admin API response after creation, or in the realm's partial export.
 */
@KeycloakIntegrationTest(options = {"--log-level=INFO,dev.kcscim:debug"})
class SecretsIT {

    private static final String BEARER = "bearer-secret-7f3a9c1e5b";
    private static final String PASSWORD = "basic-password-2d8e6f0a4c";
    private static final String CLIENT_SECRET = "oauth-client-secret-9b1d3f5a7c";

    private static OutboundFixture fx;
    private static final List<String> secrets = new ArrayList<>(List.of(BEARER, PASSWORD, CLIENT_SECRET));
    private static final List<String> responses = new ArrayList<>();

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "secrets");
        // Three targets that cannot be reached with these credentials, so every delivery fails and is logged
        create(admin, "bearer", JSON.createObjectNode().put("type", "bearer").put("token", BEARER));
        create(admin, "basic", JSON.createObjectNode().put("type", "basic").put("username", "svc").put("password", PASSWORD));
        create(admin, "oauth", JSON.createObjectNode().put("type", "oauth2_client_credentials").put("tokenUrl", fx.target.baseUrl() + "/token")
                .put("clientId", "svc").put("clientSecret", CLIENT_SECRET).put("scope", "scim"));
        HttpResult enabled = admin.put("/admin/realms/" + fx.realm + "/scim-provisioning/settings",
                JSON.createObjectNode().put("inboundEnabled", true));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        HttpResult token = admin.post("/admin/realms/" + fx.realm + "/scim-provisioning/tokens",
                JSON.createObjectNode().put("name", "idp").put("scope", "read-write"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        secrets.add(token.json().get("secret").asText());
    }

    private static void create(AdminClient admin, String name, ObjectNode auth) {
        ObjectNode json = OutboundFixture.targetJson(name, fx.target.baseUrl());
        json.set("auth", auth);
        HttpResult created = admin.post(fx.targetsPath(), json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        responses.add(created.body());
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void secretsNeverAppearInClear(KeycloakServer server) throws IOException {
        String provisioningToken = secrets.get(3);
        // Failing deliveries (wrong credentials: 401 from the target), with their WARN and DEBUG lines
        fx.createUser("leaky", "Lea", "King", null);
        String scim = server.scimBaseUrl(fx.realm);
        HttpResult created = dev.kcscim.testsupport.TestHttp.send("POST", scim + "/Users", provisioningToken,
                "application/scim+json", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"viatoken\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpResult wrong = dev.kcscim.testsupport.TestHttp.send("GET", scim + "/Users", provisioningToken + "x", null, null);
        assertThat(wrong.status()).isEqualTo(401);
        await("a failed delivery recorded for every target", () -> fx.admin.get(fx.targetsPath()).json().findValues("id")
                .stream().allMatch(id -> fx.admin.get(fx.targetsPath() + "/" + id.asText() + "/status").json()
                        .path("lastError").isObject()));

        List<String> views = new ArrayList<>(responses);
        views.add(fx.admin.get(fx.targetsPath()).body());
        fx.admin.get(fx.targetsPath()).json().findValues("id").forEach(id -> {
            views.add(fx.admin.get(fx.targetsPath() + "/" + id.asText()).body());
            views.add(fx.admin.get(fx.targetsPath() + "/" + id.asText() + "/status").body());
            views.add(fx.admin.get(fx.targetsPath() + "/" + id.asText() + "/dead-letters").body());
        });
        views.add(fx.admin.get("/admin/realms/" + fx.realm + "/scim-provisioning/tokens").body());
        views.add(fx.admin.get("/admin/realms/" + fx.realm + "/components?type=" + "dev.kcscim.client.targets.ScimTargetProvider").body());
        HttpResult export = fx.admin.post("/admin/realms/" + fx.realm
                + "/partial-export?exportClients=true&exportGroupsAndRoles=true", JSON.createObjectNode());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.body()).as("the export holds the targets").contains("\"bearer\"", "\"basic\"", "\"oauth\"");
        views.add(export.body());
        String log = Files.readString(server.logFile(), StandardCharsets.UTF_8);
        assertThat(log).as("the log shows the failing deliveries").contains("outbox: delivery dead-lettered correlation=outbox-");

        for (String secret : secrets) {
            assertThat(log).as("server log").doesNotContain(secret);
            for (String view : views) {
                assertThat(view).as("admin response or export").doesNotContain(secret);
            }
        }
        // The prefix of a provisioning token is shown so admins can recognise it, never more than 12 characters
        String prefix = fx.admin.get("/admin/realms/" + fx.realm + "/scim-provisioning/tokens").json().get(0)
                .path("prefix").asText();
        assertThat(provisioningToken).startsWith(prefix);
        assertThat(prefix.length()).isLessThanOrEqualTo(12);
        assertThat(secrets).hasSize(4);
    }
}
