package dev.kcscim.client.delivery;

import dev.kcscim.client.outbox.OutboxStatus;
import dev.kcscim.client.targets.Targets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The outbox gauges, per realm and target: {@code kcscim_outbound_queue_depth} (pending rows: queued, in flight or
 * backing off), {@code kcscim_outbound_queue_oldest_age_seconds} (age of the oldest pending row, 0 when none) and
 * {@code kcscim_outbound_dead_letter_depth} (rows in the dead letters). A scrape only reads the last values: they
 * are refreshed by this scheduled task on every node (one grouped query per tick interval), so every node of a
 * cluster reports the same cluster-wide numbers; aggregate them with {@code max}, not {@code sum}. A target
 * appears once it has had a row and disappears when it is deleted.
 */
public final class OutboxGauges implements ScheduledTask {

    static final String QUEUE_DEPTH = "kcscim.outbound.queue.depth";
    static final String OLDEST_AGE = "kcscim.outbound.queue.oldest.age";
    static final String DEAD_LETTER_DEPTH = "kcscim.outbound.dead.letter.depth";

    private record Key(String realmId, String targetId) {
    }

    /** The last values of one target, read by the gauges. */
    private static final class Values {
        volatile double depth;
        volatile double oldestSeconds;
        volatile double dead;
        List<Meter> meters = List.of();
    }

    private final Map<Key, Values> values = new ConcurrentHashMap<>();

    @Override
    public void run(KeycloakSession session) {
        refresh(session, System.currentTimeMillis());
    }

    @Override
    public String getTaskName() {
        return "kcscim-outbox-gauges";
    }

    void refresh(KeycloakSession session, long now) {
        List<Object[]> rows = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select o.realmId, o.targetId, o.status, count(o), min(o.createdAt) from OutboxEntity o"
                        + " where o.status in (:pending, :dead) group by o.realmId, o.targetId, o.status", Object[].class)
                .setParameter("pending", OutboxStatus.PENDING.name())
                .setParameter("dead", OutboxStatus.DEAD.name())
                .getResultList();
        Map<Key, double[]> fresh = new HashMap<>();
        for (Object[] row : rows) {
            double[] v = fresh.computeIfAbsent(new Key((String) row[0], (String) row[1]), k -> new double[3]);
            long count = ((Number) row[3]).longValue();
            if (OutboxStatus.PENDING.name().equals(row[2])) {
                v[0] = count;
                v[1] = row[4] == null ? 0 : Math.max(0, now - ((Number) row[4]).longValue()) / 1000.0;
            } else {
                v[2] = count;
            }
        }
        for (Key key : values.keySet()) {
            if (!fresh.containsKey(key)) {
                if (targetExists(session, key)) {
                    fresh.put(key, new double[3]);
                } else {
                    Values gone = values.remove(key);
                    gone.meters.forEach(Metrics.globalRegistry::remove);
                }
            }
        }
        fresh.forEach((key, v) -> {
            Values target = values.computeIfAbsent(key, k -> register(session, k));
            if (target != null) {
                target.depth = v[0];
                target.oldestSeconds = v[1];
                target.dead = v[2];
            }
        });
    }

    private static Values register(KeycloakSession session, Key key) {
        RealmModel realm = session.realms().getRealm(key.realmId());
        if (realm == null) {
            return null;
        }
        OutboundMetrics.realmName(realm.getId(), realm.getName());
        Values v = new Values();
        String[] tags = {"realm", realm.getName(), "target", key.targetId()};
        v.meters = List.of(
                Gauge.builder(QUEUE_DEPTH, v, x -> x.depth).description("Pending outbox rows (queued, in flight, retrying)")
                        .tags(tags).strongReference(true).register(Metrics.globalRegistry),
                Gauge.builder(OLDEST_AGE, v, x -> x.oldestSeconds).description("Age of the oldest pending outbox row")
                        .baseUnit("seconds").tags(tags).strongReference(true).register(Metrics.globalRegistry),
                Gauge.builder(DEAD_LETTER_DEPTH, v, x -> x.dead).description("Outbox rows in the dead letters")
                        .tags(tags).strongReference(true).register(Metrics.globalRegistry));
        return v;
    }

    private static boolean targetExists(KeycloakSession session, Key key) {
        RealmModel realm = session.realms().getRealm(key.realmId());
        return realm != null && Targets.find(realm, key.targetId()) != null;
    }
}
