package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.client.outbox.Operation;
import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.ResourceKind;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound meters: which ones move per outcome, with which tags (no resource id among them). */
class OutboundMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void attach() {
        Metrics.globalRegistry.add(registry);
        OutboundMetrics.realmName("r-id", "acme");
    }

    @AfterEach
    void detach() {
        Metrics.globalRegistry.remove(registry);
        Metrics.globalRegistry.clear();
    }

    private static OutboxRow row(String target, long createdAt) {
        return new OutboxRow(7, "r-id", target, ResourceKind.USER, "user-123", Operation.SYNC, null, 0, createdAt);
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void eachOutcomeMovesItsCountersUnderTheRealmName() {
        OutboundMetrics.attempt(row("t1", 1_000), OutboundMetrics.Outcome.RETRY, 5_000_000, 2_000);
        OutboundMetrics.attempt(row("t1", 1_000), OutboundMetrics.Outcome.RETRY, 5_000_000, 3_000);
        OutboundMetrics.attempt(row("t1", 1_000), OutboundMetrics.Outcome.DELIVERED, 5_000_000, 4_000);
        OutboundMetrics.attempt(row("t1", 1_000), OutboundMetrics.Outcome.DEAD_LETTER, 5_000_000, 5_000);
        OutboundMetrics.attempt(row("t1", 1_000), OutboundMetrics.Outcome.DEFERRED, 5_000_000, 5_000);

        String[] base = {"realm", "acme", "target", "t1", "resource_type", "user", "operation", "sync"};
        assertThat(count(OutboundMetrics.DELIVERIES, append(base, "outcome", "retry"))).isEqualTo(2);
        assertThat(count(OutboundMetrics.DELIVERIES, append(base, "outcome", "delivered"))).isEqualTo(1);
        assertThat(count(OutboundMetrics.DELIVERIES, append(base, "outcome", "dead_letter"))).isEqualTo(1);
        assertThat(count(OutboundMetrics.DELIVERIES, append(base, "outcome", "deferred"))).isEqualTo(1);
        assertThat(count(OutboundMetrics.RETRIES, "realm", "acme", "target", "t1")).isEqualTo(2);
        assertThat(count(OutboundMetrics.DEAD_LETTERS, "realm", "acme", "target", "t1", "resource_type", "user")).isEqualTo(1);

        Timer attempts = registry.find(OutboundMetrics.ATTEMPT_DURATION).tags("target", "t1").timer();
        assertThat(attempts.count()).as("deferred attempts make no call and are not timed").isEqualTo(4);
        Timer latency = registry.find(OutboundMetrics.DELIVERY_LATENCY).tags("target", "t1").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).as("change at 1000, delivered at 4000").isEqualTo(3_000);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).noneMatch(t -> t.getValue().contains("user-123"));
        }
    }

    @Test
    void unknownRealmsAreTaggedWithTheirId() {
        OutboundMetrics.attempt(new OutboxRow(1, "other-id", "t2", ResourceKind.GROUP, "g", Operation.MEMBER_ADD,
                "u", 0, 0), OutboundMetrics.Outcome.DELIVERED, 1, 1);
        assertThat(count(OutboundMetrics.DELIVERIES, "realm", "other-id", "target", "t2", "resource_type", "group",
                "operation", "member_add", "outcome", "delivered")).isEqualTo(1);
    }

    @Test
    void aSyncRunCountsItsOutcomeAndEveryDriftKind() {
        DriftReport report = new DriftReport();
        report.add(DriftReport.Kind.MISSING, null);
        report.add(DriftReport.Kind.MISSING, null);
        report.add(DriftReport.Kind.STALE, null);
        OutboundMetrics.syncRun("r-id", "t3", true, report);
        OutboundMetrics.syncRun("r-id", "t3", false, new DriftReport());

        assertThat(count(OutboundMetrics.SYNC_RUNS, "realm", "acme", "target", "t3", "outcome", "done")).isEqualTo(1);
        assertThat(count(OutboundMetrics.SYNC_RUNS, "realm", "acme", "target", "t3", "outcome", "failed")).isEqualTo(1);
        assertThat(count(OutboundMetrics.SYNC_DRIFT, "target", "t3", "kind", "missing")).isEqualTo(2);
        assertThat(count(OutboundMetrics.SYNC_DRIFT, "target", "t3", "kind", "stale")).isEqualTo(1);
        assertThat(count(OutboundMetrics.SYNC_DRIFT, "target", "t3", "kind", "orphans")).isZero();
        assertThat(registry.find(OutboundMetrics.SYNC_DRIFT).tags("target", "t3").counters())
                .hasSize(DriftReport.Kind.values().length);
    }

    private static String[] append(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
