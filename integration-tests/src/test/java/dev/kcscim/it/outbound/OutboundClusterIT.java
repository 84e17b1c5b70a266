package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.cluster.KeycloakCluster;
import dev.kcscim.testsupport.cluster.KeycloakClusterTest;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import dev.kcscim.testsupport.mocktarget.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes on one PostgreSQL both dispatch the shared outbox: the database lease makes each change go out once,
 * and when a node dies mid-delivery the other takes its rows over once their lease (20 s here) has run out.
 */
@KeycloakClusterTest(options = {"--spi-events-listener--scim-provisioning--lease-seconds=20",
        "--spi-events-listener--scim-provisioning--tick-interval-seconds=2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundClusterIT {

    private static final String REALM = "outbound-cluster-" + UUID.randomUUID().toString().substring(0, 8);
    private static MockScimTarget target;

    @BeforeAll
    static void setUp(KeycloakCluster cluster) {
        target = new MockScimTarget(OutboundFixture.TOKEN).start();
        AdminClient admin = cluster.node(1).admin();
        admin.createRealm(REALM);
        HttpResult created = admin.post("/admin/realms/" + REALM + "/scim-provisioning/targets",
                OutboundFixture.targetJson("shared", target.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @AfterAll
    static void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    /** Changes made on both nodes: every user is searched for and created exactly once. */
    @Test
    @Order(1)
    void eachChangeIsDeliveredByOneNode(KeycloakCluster cluster) {
        int users = 100;
        for (int i = 0; i < users; i++) {
            createUser(cluster.node(1 + i % 2).admin(), "both" + i);
        }
        await("all users on the target", Duration.ofSeconds(90), () -> countUsers("both") == users);
        for (int i = 0; i < users; i++) {
            String userName = "both" + i;
            List<RecordedRequest> searches = target.requests(r -> r.is("GET", "/Users")
                    && ("filter=userName eq \"" + userName + "\"").equals(r.query()));
            List<RecordedRequest> posts = target.requests(r -> r.is("POST", "/Users")
                    && userName.equals(r.body().path("userName").asText()));
            assertThat(searches).as(userName + " searched").hasSize(1);
            assertThat(posts).as(userName + " created").hasSize(1);
            assertThat(posts.get(0).status()).isEqualTo(201);
        }
    }

    /** A node killed while its deliveries are in flight: the other node finishes them, without duplicates. */
    @Test
    @Order(2)
    void aDeadNodesRowsAreTakenOver(KeycloakCluster cluster) throws InterruptedException {
        // Every answer takes 2 s (our request timeout is 3 s): a delivery is a search (0-2 s) then a POST (2-4 s).
        // Killing at 3 s leaves POSTs that the target executes but whose answer no node records: the survivor
        // must link to those users, not create them again.
        target.setLatencyMillis(2_000);
        long started = System.currentTimeMillis();
        for (int i = 0; i < 8; i++) {
            createUser(cluster.node(1).admin(), "failover" + i);
        }
        Thread.sleep(Math.max(0, started + 3_000 - System.currentTimeMillis()));
        cluster.node(1).kill();
        target.setLatencyMillis(0);
        await("all failover users on the target", Duration.ofSeconds(120), () -> countUsers("failover") == 8);
        for (int i = 0; i < 8; i++) {
            String userName = "failover" + i;
            assertThat(target.requests(r -> r.is("POST", "/Users") && r.status() == 201
                    && userName.equals(r.body().path("userName").asText()))).as(userName).hasSize(1);
        }
        AdminClient survivor = cluster.node(2).admin();
        String targetId = survivor.get("/admin/realms/" + REALM + "/scim-provisioning/targets").json().get(0)
                .get("id").asText();
        await("empty queue", () -> survivor.get("/admin/realms/" + REALM + "/scim-provisioning/targets/" + targetId
                + "/status").json().path("queueDepth").asLong() == 0);
    }

    private static long countUsers(String prefix) {
        return target.users().all().stream().filter(u -> u.path("userName").asText().startsWith(prefix)).count();
    }

    private static void createUser(AdminClient admin, String username) {
        HttpResult created = admin.post("/admin/realms/" + REALM + "/users",
                JSON.createObjectNode().put("username", username).put("enabled", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
