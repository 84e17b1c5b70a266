package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.mocktarget.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the server log explains a failing delivery. A user (created with a password) is answered 503 and then
 * 400 {@code invalidValue} by the target: two WARN lines carry realm, target id, resource id, status, the SCIM
 * error and one correlation id (the dead letter's id), the DEBUG lines show each attempt, an inbound SCIM write has
 * its DEBUG line; neither the target's bearer secret nor a password is anywhere in the log. Which secrets never
 * appear in any log or admin view is {@code SecretsIT}'s subject; this test is about what the lines do say.
 */
@KeycloakIntegrationTest(options = {"--metrics-enabled=true",
        "--spi-events-listener--scim-provisioning--tick-interval-seconds=2"})
class DeliveryLogIT {

    private static final String PASSWORD = "Obs-" + dev.kcscim.testsupport.RandomSecret.of(12);
    private static final String INBOUND_PASSWORD = "Obs-" + dev.kcscim.testsupport.RandomSecret.of(12);

    private static OutboundFixture fx;
    private static KeycloakServer server;

    @BeforeAll
    static void setUp(KeycloakServer s, AdminClient admin) {
        server = s;
        fx = new OutboundFixture(admin, "obs-logs");
        fx.registerTarget("logged");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void failedDeliveriesAreExplainedWithoutSecrets() throws IOException {
        fx.target.inject(Fault.scimError("POST", 503, null, "down for maintenance"), 1);
        fx.target.inject(Fault.scimError("POST", 400, "invalidValue", "department is not allowed"), 1);
        ObjectNode rep = JSON.createObjectNode().put("username", "logged-user").put("enabled", true)
                .put("firstName", "Log").put("lastName", "Ged");
        rep.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/users", rep);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);

        await("the change dead-lettered", () -> fx.status().path("deadLetters").asLong() == 1);
        JsonNode dead = fx.admin.get(fx.targetPath() + "/dead-letters").json().get(0);
        assertThat(dead.path("resourceId").asText()).isEqualTo(userId);
        String correlation = "correlation=outbox-" + dead.path("id").asText();

        String inbound = inboundWrite();
        await("the log lines written", () -> log().contains("outbox: delivery dead-lettered " + correlation));
        String log = log();
        List<String> warns = log.lines().filter(l -> l.contains(" WARN ") && l.contains(correlation)).toList();
        assertThat(warns).as(log).hasSize(2);
        for (String warn : warns) {
            assertThat(warn).contains("realm=" + fx.realm, "target=" + fx.targetId, "resource=user/" + userId, "op=sync");
        }
        assertThat(warns.get(0)).contains("failed, retry in", "attempt=1", "status=503", "scimType=-",
                "down for maintenance");
        assertThat(warns.get(1)).contains("dead-lettered", "attempt=2", "status=400", "scimType=invalidValue",
                "department is not allowed");
        List<String> attempts = log.lines().filter(l -> l.contains(" DEBUG ") && l.contains("delivery attempt")
                && l.contains(correlation)).toList();
        assertThat(attempts).as(log).hasSize(2);
        assertThat(attempts.get(0)).contains("attempt 1 ", "outcome=retry", "status=503");
        assertThat(attempts.get(1)).contains("attempt 2 ", "outcome=dead_letter", "status=400");
        assertThat(log).contains("SCIM write POST /realms/" + fx.realm + "/scim-provisioning/v2/Users realm="
                + fx.realm + " status=201");

        assertThat(log).as("the target's bearer secret").doesNotContain(OutboundFixture.TOKEN);
        assertThat(log).as("the user's password").doesNotContain(PASSWORD);
        assertThat(log).as("the password sent through SCIM").doesNotContain(INBOUND_PASSWORD);
        assertThat(log).as("the provisioning token").doesNotContain(inbound);
    }

    /** An inbound SCIM create carrying a password, through a provisioning token; returns the token. */
    private static String inboundWrite() {
        HttpResult enabled = fx.admin.put("/admin/realms/" + fx.realm + "/scim-provisioning/settings",
                JSON.createObjectNode().put("inboundEnabled", true));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        HttpResult token = fx.admin.post("/admin/realms/" + fx.realm + "/scim-provisioning/tokens",
                JSON.createObjectNode().put("name", "idp").put("scope", "read-write"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String secret = token.json().get("secret").asText();
        HttpResult created = TestHttp.send("POST", server.scimBaseUrl(fx.realm) + "/Users", secret,
                "application/scim+json", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"inbound-logged\",\"password\":\"" + INBOUND_PASSWORD + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return secret;
    }

    private static String log() {
        try {
            return Files.readString(server.logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
