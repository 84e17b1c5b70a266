package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.MetricsScrape.label;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.mocktarget.Fault;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the outbound meters on Keycloak's registry move by exactly a known workload, read from the management
 * {@code /metrics}: three creates of which two POSTs are answered 500 first, one create dead-lettered by a 400, one
 * full sync (which creates the dead-lettered user: one "missing"), then one create held back by a 503 with a long
 * {@code Retry-After}, which the queue gauges show.
 */
@KeycloakIntegrationTest(options = {"--metrics-enabled=true",
        "--spi-events-listener--scim-provisioning--tick-interval-seconds=2"})
class OutboundMetricsIT {

    private static OutboundFixture fx;
    private static KeycloakServer server;

    @BeforeAll
    static void setUp(KeycloakServer s, AdminClient admin) {
        server = s;
        fx = new OutboundFixture(admin, "obs-metrics");
        fx.registerTarget("metered");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void outboundMetersMoveByTheWorkload() {
        String realm = label("realm", fx.realm);
        String target = label("target", fx.targetId);
        MetricsScrape before = MetricsScrape.of(server);

        fx.target.inject(new Fault("POST", "/Users", 500, Map.of(), null, 0), 2);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String name : new String[] {"m-one", "m-two", "m-three"}) {
            ids.add(fx.createUser(name, "M", "User", null));
        }
        await("three users on the target", () -> fx.target.users().size() == 3);
        fx.awaitIdle();

        fx.target.inject(Fault.scimError("POST", 400, "invalidValue", "refused by the test"), 1);
        ids.add(fx.createUser("m-dead", "M", "Dead", null));
        await("one dead letter", () -> fx.status().path("deadLetters").asLong() == 1);

        JsonNode run = fx.awaitRun(fx.targetId, fx.startSync(fx.targetId));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(run.at("/drift/missing/count").asInt()).as("the dead-lettered user").isEqualTo(1);

        await("gauges: an empty queue and one dead letter", () -> {
            MetricsScrape now = MetricsScrape.of(server);
            return now.has("kcscim_outbound_queue_depth", realm, target)
                    && now.value("kcscim_outbound_queue_depth", realm, target) == 0
                    && now.value("kcscim_outbound_queue_oldest_age_seconds", realm, target) == 0
                    && now.value("kcscim_outbound_dead_letter_depth", realm, target) == 1;
        });

        fx.target.inject(new Fault("POST", "/Users", 503, Map.of("Retry-After", "120"), null, 0), 1);
        fx.createUser("m-later", "M", "Later", null);
        await("gauges: one pending row, aging", () -> {
            MetricsScrape now = MetricsScrape.of(server);
            return now.value("kcscim_outbound_queue_depth", realm, target) == 1
                    && now.value("kcscim_outbound_queue_oldest_age_seconds", realm, target) > 0;
        });
        MetricsScrape after = MetricsScrape.of(server);

        String user = label("resource_type", "user");
        String sync = label("operation", "sync");
        assertThat(delta(before, after, "kcscim_outbound_deliveries_total", realm, target, user, sync,
                label("outcome", "delivered"))).as("m-one, m-two, m-three").isEqualTo(3);
        assertThat(delta(before, after, "kcscim_outbound_deliveries_total", realm, target, user, sync,
                label("outcome", "retry"))).as("two 500s and one 503").isEqualTo(3);
        assertThat(delta(before, after, "kcscim_outbound_deliveries_total", realm, target, user, sync,
                label("outcome", "dead_letter"))).isEqualTo(1);
        assertThat(delta(before, after, "kcscim_outbound_retries_total", realm, target)).isEqualTo(3);
        assertThat(delta(before, after, "kcscim_outbound_dead_letters_total", realm, target, user)).isEqualTo(1);
        assertThat(delta(before, after, "kcscim_outbound_attempt_duration_seconds_count", realm, target))
                .as("every attempt").isEqualTo(7);
        assertThat(delta(before, after, "kcscim_outbound_delivery_latency_seconds_count", realm, target))
                .as("every delivered change").isEqualTo(3);
        assertThat(after.value("kcscim_outbound_delivery_latency_seconds_bucket", realm, target, "le=\"+Inf\""))
                .as("the latency is a histogram").isEqualTo(3);
        assertThat(delta(before, after, "kcscim_outbound_sync_runs_total", realm, target, label("outcome", "done")))
                .isEqualTo(1);
        assertThat(delta(before, after, "kcscim_outbound_sync_runs_total", realm, target, label("outcome", "failed")))
                .isZero();
        for (var kind : run.path("drift").properties()) {
            assertThat(delta(before, after, "kcscim_outbound_sync_drift_total", realm, target,
                    label("kind", kind.getKey()))).as(kind.getKey()).isEqualTo(kind.getValue().path("count").asDouble());
        }
        assertThat(delta(before, after, "kcscim_outbound_sync_drift_total", realm, target, label("kind", "missing")))
                .isEqualTo(1);
        assertThat(after.exposition().lines().filter(l -> l.startsWith("kcscim_outbound") && l.contains(fx.realm)))
                .as("no series names a user").noneMatch(l -> ids.stream().anyMatch(l::contains));
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
