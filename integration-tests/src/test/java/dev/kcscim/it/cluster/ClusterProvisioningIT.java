package dev.kcscim.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.cluster.KeycloakCluster;
import dev.kcscim.testsupport.cluster.KeycloakClusterTest;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 on two nodes: a provisioning token revoked on one node and the realm's SCIM switch changed on one node
 * take effect on the other node's very next request; a target's scheduled full sync runs on one node at a time.
 */
@KeycloakClusterTest
class ClusterProvisioningIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "cluster-prov-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TARGET_TOKEN = "cluster-target-token-0123456789";

    private static MockScimTarget target;

    @BeforeAll
    static void setUp(KeycloakCluster cluster) {
        AdminClient admin = cluster.node(1).admin();
        admin.createRealm(REALM);
        settings(admin, true);
    }

    @AfterAll
    static void tearDown(KeycloakCluster cluster) {
        if (target != null) {
            target.close();
        }
        cluster.ensureAllRunning();
        cluster.node(1).admin().deleteRealm(REALM);
    }

    @Test
    void revokedTokenIsRefusedOnBothNodesAtOnce(KeycloakCluster cluster) {
        AdminClient one = cluster.node(1).admin();
        AdminClient two = cluster.node(2).admin();
        HttpResult created = one.post(tokensPath(), JSON.createObjectNode().put("name", "cluster").put("scope", "read-write"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String id = created.json().get("id").asText();
        for (int round = 0; round < 5; round++) {
            // Both nodes accept it (and so hold whatever they cache of the realm and the token)
            assertThat(users(cluster, 1, secret).status()).isEqualTo(200);
            assertThat(users(cluster, 2, secret).status()).isEqualTo(200);
        }
        assertThat(two.delete(tokensPath() + "/" + id).status()).isEqualTo(204);
        HttpResult onOne = users(cluster, 1, secret);
        HttpResult onTwo = users(cluster, 2, secret);
        assertThat(onOne.status()).as("node 1, the very next request").isEqualTo(401);
        assertThat(onTwo.status()).as("node 2, the very next request").isEqualTo(401);
        assertThat(onOne.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void scimSwitchChangesOnBothNodesAtOnce(KeycloakCluster cluster) {
        AdminClient one = cluster.node(1).admin();
        AdminClient two = cluster.node(2).admin();
        HttpResult created = one.post(tokensPath(), JSON.createObjectNode().put("name", "switch").put("scope", "read-only"));
        String secret = created.json().get("secret").asText();
        for (int round = 0; round < 5; round++) {
            assertThat(users(cluster, 1, secret).status()).isEqualTo(200);
            assertThat(users(cluster, 2, secret).status()).isEqualTo(200);
            settings(round % 2 == 0 ? one : two, false);
            assertThat(users(cluster, 1, secret).status()).as("node 1 after switching off, round " + round).isEqualTo(404);
            assertThat(users(cluster, 2, secret).status()).as("node 2 after switching off, round " + round).isEqualTo(404);
            settings(round % 2 == 0 ? two : one, true);
        }
    }

    @Test
    void scheduledSyncRunsOnOneNodeAtATime(KeycloakCluster cluster) throws InterruptedException {
        AdminClient one = cluster.node(1).admin();
        target = new MockScimTarget(TARGET_TOKEN).start();
        for (int i = 0; i < 30; i++) {
            HttpResult user = one.post("/admin/realms/" + REALM + "/users",
                    JSON.createObjectNode().put("username", "synced" + i).put("enabled", true));
            assertThat(user.status()).isEqualTo(201);
        }
        ObjectNode json = JSON.createObjectNode().put("name", "scheduled").put("baseUrl", target.baseUrl())
                .put("enabled", true).put("syncIntervalSeconds", 5);
        json.putObject("auth").put("type", "bearer").put("token", TARGET_TOKEN);
        HttpResult created = one.post("/admin/realms/" + REALM + "/scim-provisioning/targets", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String runs = "/admin/realms/" + REALM + "/scim-provisioning/targets/" + created.json().get("id").asText() + "/sync";
        long deadline = System.currentTimeMillis() + 120_000;
        List<JsonNode> finished = new ArrayList<>();
        while (System.currentTimeMillis() < deadline && finished.size() < 4) {
            Thread.sleep(2_000);
            finished.clear();
            cluster.node(2).admin().get(runs).json().forEach(run -> {
                if (run.has("finishedAt")) {
                    finished.add(run);
                }
            });
        }
        assertThat(finished).as("scheduled runs finished within 2 minutes").hasSizeGreaterThanOrEqualTo(4);
        finished.sort(Comparator.comparingLong(run -> run.path("startedAt").asLong()));
        for (int i = 1; i < finished.size(); i++) {
            JsonNode previous = finished.get(i - 1);
            JsonNode next = finished.get(i);
            assertThat(next.path("startedAt").asLong()).as("run %s starts after run %s ended (%s then %s)",
                    next.path("id").asText(), previous.path("id").asText(), previous.path("node").asText(),
                    next.path("node").asText()).isGreaterThanOrEqualTo(previous.path("finishedAt").asLong());
        }
        finished.forEach(run -> {
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
            assertThat(run.path("trigger").asText()).isEqualTo("scheduled");
        });
        assertThat(target.users().size()).isEqualTo(30);
    }

    private static HttpResult users(KeycloakCluster cluster, int node, String token) {
        return TestHttp.send("GET", cluster.node(node).scimBaseUrl(REALM) + "/Users?count=1", token, null, null);
    }

    private static void settings(AdminClient admin, boolean enabled) {
        HttpResult updated = admin.put("/admin/realms/" + REALM + "/scim-provisioning/settings",
                JSON.createObjectNode().put("inboundEnabled", enabled));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private static String tokensPath() {
        return "/admin/realms/" + REALM + "/scim-provisioning/tokens";
    }
}
