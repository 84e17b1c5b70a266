package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.cluster.KeycloakCluster;
import dev.kcscim.testsupport.cluster.KeycloakClusterTest;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, outbound under load: 10,000 changes (3,000 creates and 3,000 updates spread over both nodes, node 2 killed
 * with {@code kill -9}, then 3,000 more updates and 1,000 deletes on node 1). Afterwards the target holds exactly
 * Keycloak's users, each with its last update (per-resource order), no account was created twice and nothing is
 * dead-lettered. Same cluster options as {@link OutboundClusterIT} (lease 20 s), so the same two nodes are reused.
 */
@KeycloakClusterTest(options = {"--spi-events-listener--scim-provisioning--lease-seconds=20",
        "--spi-events-listener--scim-provisioning--tick-interval-seconds=2"})
class OutboundClusterLoadIT {

    private static final String REALM = "outbound-load-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int USERS = 3_000;
    private static final int DELETED = 1_000;

    private static MockScimTarget target;
    private static String targetId;

    @BeforeAll
    static void setUp(KeycloakCluster cluster) {
        target = new MockScimTarget(OutboundFixture.TOKEN).start();
        AdminClient admin = cluster.node(1).admin();
        admin.createRealm(REALM);
        HttpResult created = admin.post("/admin/realms/" + REALM + "/scim-provisioning/targets",
                OutboundFixture.targetJson("load", target.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        targetId = created.json().get("id").asText();
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
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void tenThousandChangesOverTwoNodesWithOneKilled(KeycloakCluster cluster) throws Exception {
        AdminClient one = cluster.node(1).admin();
        AdminClient two = cluster.node(2).admin();
        String[] ids = new String[USERS];
        // A slow target until the kill, so node 2 dies with deliveries queued and leased, not with an empty queue
        target.setLatencyMillis(250);
        long started = System.currentTimeMillis();
        parallel(i -> {
            AdminClient admin = i % 2 == 0 ? one : two;
            HttpResult created = admin.post("/admin/realms/" + REALM + "/users", JSON.createObjectNode()
                    .put("username", "load" + i).put("enabled", true).put("firstName", "Created" + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String location = created.header("Location");
            ids[i] = location.substring(location.lastIndexOf('/') + 1);
        });
        parallel(i -> update(i % 2 == 0 ? two : one, ids[i], "First" + i));
        long queuedAtKill = status(one).path("queueDepth").asLong();
        cluster.node(2).kill();
        target.setLatencyMillis(0);
        assertThat(queuedAtKill).as("changes queued when node 2 was killed").isPositive();
        parallel(i -> update(one, ids[i], "Last" + i));
        parallel(i -> {
            if (i < DELETED) {
                assertThat(one.delete("/admin/realms/" + REALM + "/users/" + ids[i]).status()).isEqualTo(204);
            }
        });
        long changesDone = System.currentTimeMillis();
        await("the queue drained on the surviving node", Duration.ofMinutes(10),
                () -> status(one).path("queueDepth").asLong() == 0);
        System.out.printf("[cluster-load] 10,000 changes made in %d s (%d queued when node 2 was killed), "
                + "delivered %d s after the last change%n", (changesDone - started) / 1000, queuedAtKill,
                (System.currentTimeMillis() - changesDone) / 1000);

        assertThat(status(one).path("deadLetters").asLong()).isZero();
        Map<String, JsonNode> remote = new HashMap<>();
        target.users().all().forEach(u -> remote.put(u.path("externalId").asText(), u));
        assertThat(remote).hasSize(USERS - DELETED);
        for (int i = 0; i < USERS; i++) {
            JsonNode account = remote.get(ids[i]);
            if (i < DELETED) {
                assertThat(account).as("load" + i + " deleted").isNull();
            } else {
                assertThat(account).as("load" + i).isNotNull();
                assertThat(account.path("userName").asText()).isEqualTo("load" + i);
                assertThat(account.path("name").path("givenName").asText()).as("load" + i + " last update")
                        .isEqualTo("Last" + i);
            }
        }
        Map<String, Integer> creates = new HashMap<>();
        target.requests(r -> r.is("POST", "/Users") && r.status() == 201)
                .forEach(r -> creates.merge(r.body().path("userName").asText(), 1, Integer::sum));
        assertThat(creates.values()).as("accounts created twice").allMatch(n -> n == 1);
        assertThat(creates).as("every kept user created").hasSizeGreaterThanOrEqualTo(USERS - DELETED);
    }

    private static void update(AdminClient admin, String id, String firstName) {
        HttpResult updated = admin.put("/admin/realms/" + REALM + "/users/" + id,
                JSON.createObjectNode().put("firstName", firstName));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
    }

    private static JsonNode status(AdminClient admin) {
        return admin.get("/admin/realms/" + REALM + "/scim-provisioning/targets/" + targetId + "/status").json();
    }

    /** Runs {@code change} for 0..USERS-1 on four client threads and waits for all. */
    private static void parallel(IntConsumer change) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int index = i;
                futures.add(pool.submit(() -> change.accept(index)));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
