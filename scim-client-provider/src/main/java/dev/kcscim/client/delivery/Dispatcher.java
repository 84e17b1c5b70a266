package dev.kcscim.client.delivery;

import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.OutboxStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The node-local delivery engine. A single "pump" thread claims due rows in a short transaction and hands them to
 * a bounded pool of delivery threads; nothing here runs on a request thread. The pump runs when woken after a
 * commit that queued rows, when a retry falls due, when a delivery finishes (its resource's next row may now be
 * due) and on the cluster-wide periodic tick. Several nodes may pump at once: the database lease decides.
 */
public final class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Rows delivered before this long are purged (they only feed the statistics). */
    static final long DONE_RETENTION_MILLIS = 24 * 3_600_000L;

    private final KeycloakSessionFactory factory;
    private final String owner = "kc-" + UUID.randomUUID().toString().substring(0, 18);
    private final int threads;
    private final long leaseMillis;
    private final ScheduledExecutorService pump;
    private final ThreadPoolExecutor workers;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Rows of each target claimed by this node and not yet finished. */
    private final ConcurrentHashMap<String, AtomicInteger> inFlightByTarget = new ConcurrentHashMap<>();
    private final int perTargetLimit;
    private final RowDelivery delivery;
    private final SyncRunner syncRunner;
    private volatile boolean closed;

    public Dispatcher(KeycloakSessionFactory factory, int threads, long leaseMillis) {
        this.factory = factory;
        this.threads = threads;
        // A hanging target may hold at most half the delivery threads; the others keep serving the other targets
        this.perTargetLimit = Math.max(1, threads / 2);
        this.leaseMillis = leaseMillis;
        this.pump = Executors.newSingleThreadScheduledExecutor(daemon("kcscim-outbox-pump"));
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), daemon("kcscim-outbox-worker"));
        TokenCache tokens = new TokenCache();
        PatchSupport patchSupport = new PatchSupport();
        this.delivery = new RowDelivery(factory, owner, tokens, patchSupport);
        this.syncRunner = new SyncRunner(factory, owner, leaseMillis, tokens, patchSupport, perTargetLimit,
                daemon("kcscim-sync"));
    }

    /** This node's full-sync runner. */
    public SyncRunner syncRunner() {
        return syncRunner;
    }

    /** This node's lease owner name. */
    public String owner() {
        return owner;
    }

    /** Asks for a pump soon; cheap and safe to call from any thread, including after-commit hooks. */
    public void wake() {
        if (!closed && pumpQueued.compareAndSet(false, true)) {
            try {
                pump.execute(this::pumpOnce);
            } catch (RejectedExecutionException e) {
                pumpQueued.set(false);
            }
        }
    }

    /** Wakes the pump after {@code delayMillis}. */
    public void wakeAfter(long delayMillis) {
        if (!closed) {
            try {
                pump.schedule(this::wake, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    /**
     * The periodic safety net, run by the cluster-aware timer task inside a transaction: purges old delivered rows,
     * queues the scheduled full syncs that are due, and wakes the pump and the sync runner (after the commit).
     */
    public void tick(KeycloakSession session) {
        long now = System.currentTimeMillis();
        int purged = OutboxStore.purgeDone(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                now - DONE_RETENTION_MILLIS);
        if (purged > 0) {
            LOG.debugf("outbox: purged %d delivered rows", purged);
        }
        int scheduled = SyncScheduler.enqueueDue(session, now);
        if (scheduled > 0) {
            LOG.debugf("outbox: %d scheduled full sync(s) queued", scheduled);
        }
        session.getTransactionManager().enlistAfterCompletion(new org.keycloak.models.AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                syncRunner.wake();
            }

            @Override
            protected void rollbackImpl() {
            }
        });
        wake();
    }

    private void pumpOnce() {
        pumpQueued.set(false);
        int capacity = threads * 4 - inFlight.get();
        if (closed || capacity <= 0) {
            return;
        }
        List<OutboxRow> claimed;
        try {
            long now = System.currentTimeMillis();
            Set<String> full = new HashSet<>();
            inFlightByTarget.forEach((target, count) -> {
                if (count.get() >= perTargetLimit) {
                    full.add(target);
                }
            });
            claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> OutboxStore.claimBatch(
                    s.getProvider(JpaConnectionProvider.class).getEntityManager(), owner, now, leaseMillis, capacity,
                    this::roomOf, full));
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox: claiming rows failed; the periodic tick tries again");
            return;
        }
        for (OutboxRow row : claimed) {
            inFlight.incrementAndGet();
            targetCount(row.targetId()).incrementAndGet();
            try {
                workers.execute(() -> run(row));
            } catch (RejectedExecutionException e) {
                // Closing, or full despite the capacity check: the lease expires and the row is claimed again
                inFlight.decrementAndGet();
                targetCount(row.targetId()).decrementAndGet();
            }
        }
        if (claimed.size() == capacity) {
            wake();
        }
    }

    private void run(OutboxRow row) {
        try {
            long retryIn = delivery.deliver(row);
            if (retryIn >= 0) {
                wakeAfter(retryIn);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox: delivery of row %d failed (realm %s, target %s); it is retried when its lease ends",
                    row.id(), row.realmId(), row.targetId());
            wakeAfter(leaseMillis);
        } finally {
            inFlight.decrementAndGet();
            targetCount(row.targetId()).decrementAndGet();
            wake();
        }
    }

    private AtomicInteger targetCount(String targetId) {
        return inFlightByTarget.computeIfAbsent(targetId, id -> new AtomicInteger());
    }

    /** How many more rows of {@code targetId} this node may take now. */
    private int roomOf(String targetId) {
        AtomicInteger count = inFlightByTarget.get(targetId);
        return perTargetLimit - (count == null ? 0 : count.get());
    }

    public void close() {
        closed = true;
        syncRunner.close();
        pump.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
