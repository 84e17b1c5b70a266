package dev.kcscim.client.delivery;

import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.OutboxStore;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers one claimed row in three steps: read a {@link Snapshot} (short transaction), make the SCIM calls (no
 * transaction), record links and the row's outcome (short transaction, guarded by our lease).
 */
final class RowDelivery {

    private static final Logger LOG = Logger.getLogger(RowDelivery.class);
    /** How long a target that is disabled (or whose scope is broken) keeps its queue waiting before the next look. */
    private static final long DISABLED_RECHECK_MILLIS = 60_000;

    private final KeycloakSessionFactory factory;
    private final String owner;
    private final TokenCache tokens;
    private final PatchSupport patchSupport;

    RowDelivery(KeycloakSessionFactory factory, String owner, TokenCache tokens, PatchSupport patchSupport) {
        this.factory = factory;
        this.owner = owner;
        this.tokens = tokens;
        this.patchSupport = patchSupport;
    }

    /** Returns the delay until this row should be looked at again, or -1 when it is finished. */
    long deliver(OutboxRow row) {
        long started = System.nanoTime();
        Snapshot snapshot = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> SnapshotLoader.load(s, row));
        if (snapshot == null) {
            // Realm or target deleted: nothing to deliver to
            inTransaction(em -> OutboxStore.drop(em, row.id()));
            return -1;
        }
        if (!snapshot.target().enabled()) {
            long next = System.currentTimeMillis() + DISABLED_RECHECK_MILLIS;
            inTransaction(em -> OutboxStore.fail(em, row.id(), owner, System.currentTimeMillis(), false, next, null,
                    "target disabled"));
            observe(row, OutboundMetrics.Outcome.DEFERRED, null, started);
            return DISABLED_RECHECK_MILLIS;
        }
        if (snapshot.scopeProblem() != null && snapshot.row().op() != dev.kcscim.client.outbox.Operation.DELETE) {
            // Everyone would look out of scope and be deprovisioned: wait until an admin fixes the scope
            long next = System.currentTimeMillis() + DISABLED_RECHECK_MILLIS;
            LOG.warnf("outbox: row %d waits (realm %s, target %s): %s", row.id(), row.realmId(), row.targetId(),
                    snapshot.scopeProblem());
            inTransaction(em -> OutboxStore.fail(em, row.id(), owner, System.currentTimeMillis(), false, next, null,
                    "waiting: " + snapshot.scopeProblem()));
            observe(row, OutboundMetrics.Outcome.DEFERRED, null, started);
            return DISABLED_RECHECK_MILLIS;
        }
        ScimSync sync = new ScimSync(new ScimHttp(snapshot.http(), snapshot.target(), tokens), patchSupport);
        DeliveryFailure failure = null;
        try {
            sync.run(snapshot);
        } catch (DeliveryFailure e) {
            failure = e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox: unexpected error delivering row %d (realm %s, target %s)", row.id(), row.realmId(),
                    row.targetId());
            failure = new DeliveryFailure(true, null, "internal error: " + e.getClass().getSimpleName(), null);
        }
        return record(snapshot, sync.changes(), failure, started);
    }

    private long record(Snapshot snapshot, List<LinkChange> changes, DeliveryFailure failure, long started) {
        OutboxRow row = snapshot.row();
        long now = System.currentTimeMillis();
        long[] retryIn = {-1};
        inTransaction(em -> {
            for (LinkChange change : changes) {
                if (change.remoteId() == null) {
                    LinkStore.delete(em, row.targetId(), change.kind(), change.localId());
                } else {
                    LinkStore.upsert(em, row.realmId(), row.targetId(), change.kind(), change.localId(),
                            change.remoteId(), change.lastPushed(), now);
                }
            }
            if (failure == null) {
                OutboxStore.complete(em, row.id(), owner, now);
                return;
            }
            int failures = row.attempts() + 1;
            long delay = RetryPolicy.delayMillis(failures, failure.retryAfterMillis(), ThreadLocalRandom.current().nextDouble());
            boolean dead = !failure.retryable()
                    || !RetryPolicy.withinBudget(row.createdAt(), now + delay, snapshot.target().retryBudgetMillis());
            OutboxStore.fail(em, row.id(), owner, now, dead, now + delay, failure.status(), failure.getMessage());
            retryIn[0] = dead ? -1 : delay;
        });
        // Logged and counted once the outcome is committed (a failed commit is retried as a new attempt)
        if (failure == null) {
            observe(row, OutboundMetrics.Outcome.DELIVERED, null, started);
            return -1;
        }
        boolean dead = retryIn[0] < 0;
        observe(row, dead ? OutboundMetrics.Outcome.DEAD_LETTER : OutboundMetrics.Outcome.RETRY, failure.status(), started);
        DeliveryLog.failed(row, failure, dead, retryIn[0]);
        return retryIn[0];
    }

    private static void observe(OutboxRow row, OutboundMetrics.Outcome outcome, Integer status, long started) {
        long nanos = System.nanoTime() - started;
        OutboundMetrics.attempt(row, outcome, nanos, System.currentTimeMillis());
        DeliveryLog.attempt(row, outcome, status, nanos);
    }

    private void inTransaction(java.util.function.Consumer<EntityManager> work) {
        KeycloakModelUtils.runJobInTransaction(factory,
                s -> work.accept(s.getProvider(JpaConnectionProvider.class).getEntityManager()));
    }
}
