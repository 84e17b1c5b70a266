package dev.kcscim.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A realm with one SCIM target pointing at an in-JVM {@link MockScimTarget}, and helpers to drive and wait. */
final class OutboundFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "mock-target-token-0123456789";

    final AdminClient admin;
    final String realm;
    final MockScimTarget target;
    String targetId;

    OutboundFixture(AdminClient admin, String realm) {
        this.admin = admin;
        this.realm = realm;
        this.target = new MockScimTarget(TOKEN).start();
        if (admin.realmExists(realm)) {
            admin.deleteRealm(realm);
        }
        admin.createRealm(realm);
    }

    /** Registers the mock as a target with bearer auth; returns its id. */
    String registerTarget(String name) {
        HttpResult created = admin.post(targetsPath(), targetJson(name, target.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        targetId = created.json().get("id").asText();
        return targetId;
    }

    static ObjectNode targetJson(String name, String baseUrl) {
        ObjectNode json = JSON.createObjectNode().put("name", name).put("baseUrl", baseUrl).put("enabled", true)
                .put("requestTimeoutMs", 3000).put("connectTimeoutMs", 1000);
        json.putObject("auth").put("type", "bearer").put("token", TOKEN);
        return json;
    }

    String targetsPath() {
        return "/admin/realms/" + realm + "/scim-provisioning/targets";
    }

    String targetPath() {
        return targetsPath() + "/" + targetId;
    }

    /** Creates a user through the Admin REST API; returns its Keycloak id. */
    String createUser(String username, String first, String last, String email) {
        ObjectNode rep = JSON.createObjectNode().put("username", username).put("enabled", true);
        if (first != null) {
            rep.put("firstName", first);
        }
        if (last != null) {
            rep.put("lastName", last);
        }
        if (email != null) {
            rep.put("email", email);
        }
        HttpResult created = admin.post("/admin/realms/" + realm + "/users", rep);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    JsonNode user(String id) {
        return admin.get("/admin/realms/" + realm + "/users/" + id).json();
    }

    void updateUser(String id, ObjectNode rep) {
        HttpResult updated = admin.put("/admin/realms/" + realm + "/users/" + id, rep);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
    }

    String createGroup(String name) {
        HttpResult created = admin.post("/admin/realms/" + realm + "/groups", JSON.createObjectNode().put("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Registers a target from {@code json} (see {@link #targetJson}); returns its id. */
    String registerTarget(ObjectNode json) {
        HttpResult created = admin.post(targetsPath(), json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    String targetPath(String id) {
        return targetsPath() + "/" + id;
    }

    /** Switches a target on or off through PUT (the masked token is kept). */
    void setEnabled(String id, boolean enabled) {
        ObjectNode json = (ObjectNode) admin.get(targetPath(id)).json();
        json.put("enabled", enabled);
        HttpResult updated = admin.put(targetPath(id), json);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    void join(String userId, String groupId) {
        HttpResult joined = admin.put("/admin/realms/" + realm + "/users/" + userId + "/groups/" + groupId,
                JSON.createObjectNode());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(204);
    }

    void leave(String userId, String groupId) {
        HttpResult left = admin.delete("/admin/realms/" + realm + "/users/" + userId + "/groups/" + groupId);
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
    }

    /** Waits until every target of the realm has an empty queue. */
    void awaitAllIdle() {
        await("empty queues", () -> {
            for (JsonNode target : admin.get(targetsPath()).json()) {
                if (admin.get(targetPath(target.get("id").asText()) + "/status").json().path("queueDepth").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Starts a full sync of target {@code id}: asserts the 202, its Location and body; returns the run id. */
    String startSync(String id) {
        HttpResult started = admin.post(targetPath(id) + "/sync", JSON.createObjectNode());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String runId = started.json().get("id").asText();
        assertThat(started.header("Location")).endsWith("/targets/" + id + "/sync/" + runId);
        assertThat(started.json().path("targetId").asText()).isEqualTo(id);
        return runId;
    }

    /** Waits for a sync run to finish; returns its final JSON. */
    JsonNode awaitRun(String id, String runId) {
        JsonNode[] last = {null};
        await("sync run " + runId + " finished", java.time.Duration.ofSeconds(60), () -> {
            HttpResult run = admin.get(targetPath(id) + "/sync/" + runId);
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            last[0] = run.json();
            String status = last[0].path("status").asText();
            return status.equals("done") || status.equals("failed");
        });
        return last[0];
    }

    JsonNode status() {
        HttpResult status = admin.get(targetPath() + "/status");
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return status.json();
    }

    /** Waits up to {@code timeout} for {@code condition}; fails with {@code what} otherwise. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(30), condition);
    }

    /** Waits until the target's queue is empty (everything delivered or dead). */
    void awaitIdle() {
        await("an empty queue", () -> status().path("queueDepth").asLong() == 0);
    }

    @Override
    public void close() {
        target.close();
        admin.deleteRealm(realm);
    }
}
