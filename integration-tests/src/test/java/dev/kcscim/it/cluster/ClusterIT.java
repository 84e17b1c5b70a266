package dev.kcscim.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.cluster.KeycloakCluster;
import dev.kcscim.testsupport.cluster.KeycloakClusterTest;
import dev.kcscim.testsupport.cluster.KeycloakNode;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Keycloak nodes on one PostgreSQL really are one cluster: what one node writes the other reads, a change on
 * one node evicts the other node's cached copy at once (Infinispan invalidation over JGroups on loopback), both run
 * our bundle, and one node keeps serving when the other is killed with SIGKILL; the killed node then restarts and
 * rejoins. The kill and the restart run last.
 */
@KeycloakClusterTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    @BeforeAll
    static void createRealmOnNodeOne(KeycloakCluster cluster) {
        cluster.node(1).admin().createRealm(REALM);
        ScimRealm.enableScim(cluster.node(1).admin(), REALM);
    }

    @Test
    @Order(1)
    void nodesFormOneClusterOverLoopback(KeycloakCluster cluster) {
        assertThat(cluster.nodes()).hasSize(2);
        for (KeycloakNode node : cluster.nodes()) {
            assertThat(node.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(node.clusterView()).as(node.name()).containsExactlyInAnyOrder("node-1", "node-2");
            HttpResult ready = TestHttp.get(node.managementUrl() + "/health/ready", null);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            assertThat(ready.json().path("status").asText()).isEqualTo("UP");
            assertThat(checkStatus(ready.json(), "Keycloak cluster health check")).isEqualTo("UP");
            assertThat(checkStatus(ready.json(), "Keycloak database connections async health check")).isEqualTo("UP");
        }
        assertThat(cluster.node(1).baseUrl()).isNotEqualTo(cluster.node(2).baseUrl());
        assertThat(cluster.node(1).clusterPort()).isNotEqualTo(cluster.node(2).clusterPort());
        assertThat(cluster.database().jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/keycloak");
    }

    @Test
    @Order(2)
    void realmAndUserCreatedOnNodeOneAreVisibleOnNodeTwo(KeycloakCluster cluster) {
        AdminClient one = cluster.node(1).admin();
        AdminClient two = cluster.node(2).admin();
        String id = createUser(one, "alice");

        JsonNode realm = expect(two.get("/admin/realms/" + REALM), 200);
        JsonNode user = expect(two.get("/admin/realms/" + REALM + "/users/" + id), 200);

        assertThat(realm.path("realm").asText()).isEqualTo(REALM);
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("username").asText()).isEqualTo("alice");
        assertThat(user.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(user.path("enabled").asBoolean()).isTrue();
        JsonNode found = expect(two.get("/admin/realms/" + REALM + "/users?exact=true&username=alice"), 200);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo(id);
    }

    /** Each round: both nodes hold the user and realm in their caches, node 2 writes, node 1's very next read sees it. */
    @Test
    @Order(3)
    void changesOnNodeTwoAreSeenOnNodeOneAtOnce(KeycloakCluster cluster) {
        AdminClient one = cluster.node(1).admin();
        AdminClient two = cluster.node(2).admin();
        String id = createUser(one, "bob");
        String userPath = "/admin/realms/" + REALM + "/users/" + id;
        for (int round = 1; round <= 10; round++) {
            boolean enabled = round % 2 == 0;
            String displayName = "Cluster realm, round " + round;
            expect(one.get(userPath), 200);
            expect(two.get(userPath), 200);
            expect(one.get("/admin/realms/" + REALM), 200);

            ObjectNode user = (ObjectNode) expect(two.get(userPath), 200);
            user.put("enabled", enabled);
            expect(two.put(userPath, user), 204);
            ObjectNode realm = (ObjectNode) expect(two.get("/admin/realms/" + REALM), 200);
            realm.put("displayName", displayName);
            expect(two.put("/admin/realms/" + REALM, realm), 204);

            assertThat(expect(one.get(userPath), 200).path("enabled").asBoolean()).as("round %d: user enabled on node 1", round)
                    .isEqualTo(enabled);
            assertThat(expect(one.get("/admin/realms/" + REALM), 200).path("displayName").asText())
                    .as("round %d: realm display name on node 1", round).isEqualTo(displayName);
        }
    }

    @Test
    @Order(4)
    void bundleProvidersAreLoadedOnBothNodes(KeycloakCluster cluster) {
        for (KeycloakNode node : cluster.nodes()) {
            assertThat(node.admin().providerIds("eventsListener")).as(node.name()).contains("scim-provisioning");
            assertThat(node.admin().providerIds("realm-restapi-extension")).as(node.name()).contains("scim-provisioning");
            List<String> adminThemes = new ArrayList<>();
            node.admin().serverInfo().path("themes").path("admin").forEach(t -> adminThemes.add(t.path("name").asText()));
            assertThat(adminThemes).as(node.name()).contains("scim-provisioning");
        }
    }

    @Test
    @Order(5)
    void serviceProviderConfigAnswersOnBothNodes(KeycloakCluster cluster) {
        for (KeycloakNode node : cluster.nodes()) {
            String url = node.scimBaseUrl(REALM) + "/ServiceProviderConfig";

            HttpResult result = TestHttp.get(url, null);

            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            assertThat(result.mediaType()).isEqualTo("application/scim+json");
            assertThat(result.json().path("schemas")).hasSize(1);
            assertThat(result.json().path("schemas").get(0).asText()).isEqualTo(SPC_SCHEMA);
            assertThat(result.json().path("meta").path("location").asText()).isEqualTo(url);
        }
    }

    /** SIGKILL sends no leave message: node 1 must detect the loss itself and go on serving reads and writes. */
    @Test
    @Order(100)
    void killingNodeTwoLeavesNodeOneServing(KeycloakCluster cluster) {
        KeycloakNode one = cluster.node(1);
        KeycloakNode two = cluster.node(2);

        two.kill();

        assertThat(two.isAlive()).isFalse();
        assertThatThrownBy(() -> TestHttp.get(two.managementUrl() + "/health/live", null))
                .isInstanceOf(UncheckedIOException.class);
        one.awaitClusterView(List.of("node-1"), Duration.ofSeconds(60));
        long started = System.nanoTime();
        String id = createUser(one.admin(), "carol");
        long writeMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(expect(one.admin().get("/admin/realms/" + REALM + "/users/" + id), 200).path("username").asText())
                .isEqualTo("carol");
        assertThat(writeMillis).as("user creation on the surviving node, ms").isLessThan(10_000);
        HttpResult ready = TestHttp.get(one.managementUrl() + "/health/ready", null);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        HttpResult spc = TestHttp.get(one.scimBaseUrl(REALM) + "/ServiceProviderConfig", null);
        assertThat(spc.status()).as(spc.toString()).isEqualTo(200);
        assertThat(spc.json().path("schemas").get(0).asText()).isEqualTo(SPC_SCHEMA);
    }

    /** A killed node started again from a fresh copy rejoins the cluster and reads what was written while it was down. */
    @Test
    @Order(101)
    void killedNodeRestartsRejoinsAndSeesWhatChangedMeanwhile(KeycloakCluster cluster) {
        KeycloakNode two = cluster.restart(2);

        assertThat(two.isAlive()).isTrue();
        for (KeycloakNode node : cluster.nodes()) {
            assertThat(node.clusterView()).as(node.name()).containsExactlyInAnyOrder("node-1", "node-2");
        }
        JsonNode found = expect(two.admin().get("/admin/realms/" + REALM + "/users?exact=true&username=carol"), 200);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("email").asText()).isEqualTo("carol@example.com");
    }

    private static String createUser(AdminClient admin, String username) {
        ObjectNode rep = JSON.createObjectNode()
                .put("username", username)
                .put("email", username + "@example.com")
                .put("firstName", username)
                .put("lastName", "Cluster")
                .put("enabled", true);
        HttpResult created = admin.post("/admin/realms/" + REALM + "/users", rep);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode expect(HttpResult result, int status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        return result.body().isEmpty() ? JSON.nullNode() : result.json();
    }

    private static String checkStatus(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check.path("status").asText();
            }
        }
        return "(no check '" + name + "')";
    }
}
