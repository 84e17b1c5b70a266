package dev.kcscim.client.delivery;

import dev.kcscim.client.outbox.OutboxRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Outbound meters on Keycloak's Micrometer registry ({@link Metrics#globalRegistry}, scraped at the management
 * {@code /metrics} with {@code --metrics-enabled=true}), named like the inbound ones. Counters and timers count what
 * this node did; the queue gauges ({@link OutboxGauges}) show the shared outbox. Tags are bounded: realm name,
 * target id, resource type, operation, outcome, drift kind; never a user or group id.
 *
 * <ul>
 * <li>{@code kcscim_outbound_deliveries_total{realm,target,resource_type,operation,outcome}}: one per delivery
 * attempt of an outbox row; outcome {@code delivered}, {@code retry}, {@code dead_letter} or {@code deferred}
 * (target disabled, or its scope cannot be evaluated).</li>
 * <li>{@code kcscim_outbound_retries_total{realm,target}}: failed attempts that were scheduled again.</li>
 * <li>{@code kcscim_outbound_dead_letters_total{realm,target,resource_type}}: rows moved to the dead letters.</li>
 * <li>{@code kcscim_outbound_attempt_duration_seconds{realm,target}}: wall time of one attempt (its SCIM calls).</li>
 * <li>{@code kcscim_outbound_delivery_latency_seconds{realm,target}}: from the committed change (or its replay) to
 * its successful delivery, with histogram buckets.</li>
 * <li>{@code kcscim_outbound_sync_runs_total{realm,target,outcome}}: full syncs finished, {@code done} or
 * {@code failed}.</li>
 * <li>{@code kcscim_outbound_sync_drift_total{realm,target,kind}}: drift found by full syncs, per
 * {@link DriftReport.Kind} (its wire name, e.g. {@code missing}, {@code stale}).</li>
 * </ul>
 */
final class OutboundMetrics {

    static final String DELIVERIES = "kcscim.outbound.deliveries";
    static final String RETRIES = "kcscim.outbound.retries";
    static final String DEAD_LETTERS = "kcscim.outbound.dead.letters";
    static final String ATTEMPT_DURATION = "kcscim.outbound.attempt.duration";
    static final String DELIVERY_LATENCY = "kcscim.outbound.delivery.latency";
    static final String SYNC_RUNS = "kcscim.outbound.sync.runs";
    static final String SYNC_DRIFT = "kcscim.outbound.sync.drift";

    /** Histogram buckets of the latency timers: fixed, so the series count stays known. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30)};

    /** Realm id to realm name, filled wherever a session has the realm at hand (the tag is the name, as inbound). */
    private static final Map<String, String> REALM_NAMES = new ConcurrentHashMap<>();

    /** The outcome tag of one delivery attempt. */
    enum Outcome {
        DELIVERED, RETRY, DEAD_LETTER, DEFERRED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private OutboundMetrics() {
    }

    /** Remembers the name of a realm for the {@code realm} tag and the log lines. */
    static void realmName(String realmId, String name) {
        if (realmId != null && name != null) {
            REALM_NAMES.put(realmId, name);
        }
    }

    /** The realm's name when known on this node, else its id. */
    static String realm(String realmId) {
        return REALM_NAMES.getOrDefault(realmId, realmId);
    }

    /** One attempt of {@code row}, which took {@code nanos}; a delivered one also records its end-to-end latency. */
    static void attempt(OutboxRow row, Outcome outcome, long nanos, long now) {
        String realm = realm(row.realmId());
        Counter.builder(DELIVERIES).description("Delivery attempts of outbox rows")
                .tags("realm", realm, "target", row.targetId(), "resource_type", lower(row.kind().name()),
                        "operation", lower(row.op().name()), "outcome", outcome.tag())
                .register(Metrics.globalRegistry).increment();
        if (outcome == Outcome.DEFERRED) {
            return;
        }
        timer(ATTEMPT_DURATION, "Wall time of one delivery attempt", realm, row.targetId())
                .record(nanos, TimeUnit.NANOSECONDS);
        switch (outcome) {
            case DELIVERED -> timer(DELIVERY_LATENCY, "From the committed change to its delivery", realm, row.targetId())
                    .record(Math.max(0, now - row.createdAt()), TimeUnit.MILLISECONDS);
            case RETRY -> Counter.builder(RETRIES).description("Failed deliveries scheduled again")
                    .tags("realm", realm, "target", row.targetId()).register(Metrics.globalRegistry).increment();
            case DEAD_LETTER -> Counter.builder(DEAD_LETTERS).description("Outbox rows moved to the dead letters")
                    .tags("realm", realm, "target", row.targetId(), "resource_type", lower(row.kind().name()))
                    .register(Metrics.globalRegistry).increment();
            default -> {
            }
        }
    }

    /** A finished full sync and the drift it found. */
    static void syncRun(String realmId, String targetId, boolean done, DriftReport report) {
        String realm = realm(realmId);
        Counter.builder(SYNC_RUNS).description("Full syncs finished")
                .tags("realm", realm, "target", targetId, "outcome", done ? "done" : "failed")
                .register(Metrics.globalRegistry).increment();
        for (DriftReport.Kind kind : DriftReport.Kind.values()) {
            // Registered even at 0, so every kind has a series to alert on from the first run
            Counter.builder(SYNC_DRIFT).description("Drift found by full syncs")
                    .tags("realm", realm, "target", targetId, "kind", kind.wire)
                    .register(Metrics.globalRegistry).increment(report.count(kind));
        }
    }

    private static Timer timer(String name, String description, String realm, String targetId) {
        return Timer.builder(name).description(description).tags("realm", realm, "target", targetId)
                .serviceLevelObjectives(BUCKETS).register(Metrics.globalRegistry);
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
