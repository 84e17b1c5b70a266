package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.FreePorts;
import dev.kcscim.testsupport.HarnessSettings;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.KeycloakServerConfig;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Durability: Keycloak is killed with SIGKILL while about a thousand changes are queued for a slow target, then
 * restarted on the same (file-based) database; afterwards the target matches Keycloak exactly, with nothing lost
 * and no account created twice. A dedicated server with a short lease, so the rows the dead node had claimed are
 * taken over quickly.
 */
class KillNineIT {

    private static final KeycloakServerConfig CONFIG = new KeycloakServerConfig(List.of(),
            List.of("--spi-events-listener--scim-provisioning--lease-seconds=30",
                    "--spi-events-listener--scim-provisioning--tick-interval-seconds=5"));
    private static final List<String> FILE_DB = List.of("--db=dev-file");
    private static final int USERS = 1_000;
    private static final int UPDATED = 50;
    private static final int DELETED = 20;

    private KeycloakServer server;
    private MockScimTarget target;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedWithAQueueThenRestartedDeliversEverythingOnce() throws Exception {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        server = KeycloakServer.start(settings, CONFIG, FreePorts.find(), FreePorts.find(), FILE_DB);
        String realm = "outbound-kill-" + Long.toString(System.currentTimeMillis(), 36);
        target = new MockScimTarget(OutboundFixture.TOKEN).start();
        target.setLatencyMillis(150);
        AdminClient admin = server.admin();
        admin.createRealm(realm);
        HttpResult created = admin.post("/admin/realms/" + realm + "/scim-provisioning/targets",
                OutboundFixture.targetJson("slow", target.baseUrl()));
        assertThat(created.status()).isEqualTo(201);

        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            String username = "user" + i;
            HttpResult user = admin.post("/admin/realms/" + realm + "/users",
                    JSON.createObjectNode().put("username", username).put("enabled", true).put("firstName", "F" + i));
            assertThat(user.status()).as(user.toString()).isEqualTo(201);
            String location = user.header("Location");
            ids.put(username, location.substring(location.lastIndexOf('/') + 1));
        }
        for (int i = 0; i < UPDATED; i++) {
            ObjectNode rep = JSON.createObjectNode().put("firstName", "Updated" + i);
            assertThat(admin.put("/admin/realms/" + realm + "/users/" + ids.get("user" + i), rep).status()).isEqualTo(204);
        }
        for (int i = UPDATED; i < UPDATED + DELETED; i++) {
            assertThat(admin.delete("/admin/realms/" + realm + "/users/" + ids.remove("user" + i)).status()).isEqualTo(204);
        }
        JsonNode before = admin.get("/admin/realms/" + realm + "/scim-provisioning/targets").json();
        String targetId = before.get(0).get("id").asText();
        long queued = admin.get("/admin/realms/" + realm + "/scim-provisioning/targets/" + targetId + "/status").json()
                .path("queueDepth").asLong();
        assertThat(queued).as("changes still queued when Keycloak is killed").isGreaterThan(100);

        killNine(server);
        server.close();
        target.setLatencyMillis(0);
        server = KeycloakServer.start(settings, CONFIG, FreePorts.find(), FreePorts.find(), FILE_DB);
        AdminClient restarted = server.admin();
        String status = "/admin/realms/" + realm + "/scim-provisioning/targets/" + targetId + "/status";
        await("the queue drained after the restart", Duration.ofMinutes(5),
                () -> restarted.get(status).json().path("queueDepth").asLong() == 0);

        JsonNode finalStatus = restarted.get(status).json();
        assertThat(finalStatus.path("deadLetters").asLong()).isZero();
        // The truth is what Keycloak holds after the restart: dev-file H2 writes a commit to disk up to about a
        // second late, so a SIGKILL right after the last admin call may take the last changes from Keycloak itself.
        // That is the database's durability, not ours; what we prove is that the target equals Keycloak's state.
        JsonNode kcUsers = restarted.get("/admin/realms/" + realm + "/users?briefRepresentation=false&max=5000").json();
        Map<String, JsonNode> kcById = new HashMap<>();
        kcUsers.forEach(u -> kcById.put(u.path("id").asText(), u));
        assertThat(kcById.size()).as("users Keycloak kept (H2 may lose the last deletions, never a user made earlier)")
                .isBetween(USERS - DELETED, USERS);
        assertThat(kcById.keySet()).as("users created before the kill are all in Keycloak").containsAll(ids.values());
        assertThat(target.users().size()).isEqualTo(kcById.size());
        Map<String, JsonNode> remoteByExternalId = new HashMap<>();
        target.users().all().forEach(u -> remoteByExternalId.put(u.path("externalId").asText(), u));
        assertThat(remoteByExternalId.keySet()).isEqualTo(kcById.keySet());
        kcById.forEach((id, u) -> {
            JsonNode remote = remoteByExternalId.get(id);
            assertThat(remote.path("userName").asText()).as(id).isEqualTo(u.path("username").asText());
            assertThat(remote.path("name").path("givenName").asText()).as(id).isEqualTo(u.path("firstName").asText());
        });
        long updatedInKeycloak = kcById.values().stream()
                .filter(u -> u.path("firstName").asText().startsWith("Updated")).count();
        assertThat(updatedInKeycloak).as("updates Keycloak kept").isEqualTo(UPDATED);
        long creates = target.requests(r -> r.is("POST", "/Users") && r.status() == 201).size();
        assertThat(creates).as("accounts created (none twice)").isEqualTo(kcById.size()
                + target.requests(r -> r.is("DELETE", "/Users/") && r.status() == 204).size());
    }

    /** SIGKILL to the launcher script and the JVM it started: no shutdown hook, no graceful stop. */
    private static void killNine(KeycloakServer server) throws InterruptedException {
        ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        root.onExit().join();
        while (root.descendants().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
    }
}
