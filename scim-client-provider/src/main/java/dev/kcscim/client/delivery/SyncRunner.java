package dev.kcscim.client.delivery;

import dev.kcscim.client.jpa.SyncRunEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs queued full syncs on this node, one at a time, on its own single thread (never a request thread). A run
 * starts only once this node holds the target's {@link SyncLeases lease}, renewed after every page, so in a
 * cluster one node runs a given target's sync; a run whose node died is started again once its lease ran out.
 */
public final class SyncRunner {

    private static final Logger LOG = Logger.getLogger(SyncRunner.class);

    private final KeycloakSessionFactory factory;
    private final String owner;
    private final long leaseMillis;
    private final TokenCache tokens;
    private final PatchSupport patchSupport;
    private final int concurrency;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param concurrency calls of one run in flight at once (the dispatcher's per-target limit) */
    SyncRunner(KeycloakSessionFactory factory, String owner, long leaseMillis, TokenCache tokens,
            PatchSupport patchSupport, int concurrency, java.util.concurrent.ThreadFactory threads) {
        this.factory = factory;
        this.owner = owner;
        this.leaseMillis = leaseMillis;
        this.tokens = tokens;
        this.patchSupport = patchSupport;
        this.concurrency = concurrency;
        this.executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), threads);
    }

    /** Looks for runs to start, soon, on the sync thread. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    void close() {
        executor.shutdownNow();
    }

    private void drain() {
        queued.set(false);
        boolean ran;
        do {
            ran = false;
            List<SyncRunEntity> startable = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> SyncRuns.startable(em(s), System.currentTimeMillis(), 10));
            for (SyncRunEntity run : startable) {
                long now = System.currentTimeMillis();
                if (!Thread.currentThread().isInterrupted()
                        && SyncLeases.acquire(factory, run.getTargetId(), owner, now, now + leaseMillis)) {
                    execute(run.getId(), run.getRealmId(), run.getTargetId());
                    ran = true;
                    break;
                }
            }
        } while (ran);
    }

    private void execute(String runId, String realmId, String targetId) {
        String error = null;
        DriftReport report = new DriftReport();
        try {
            boolean started = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
                SyncRunEntity run = em(s).find(SyncRunEntity.class, runId);
                if (run == null || SyncRuns.DONE.equals(run.getStatus()) || SyncRuns.FAILED.equals(run.getStatus())) {
                    return false;
                }
                run.setStatus(SyncRuns.RUNNING);
                run.setStartedAt(System.currentTimeMillis());
                run.setNode(owner);
                run.setPhase("starting");
                return true;
            });
            if (!started) {
                return;
            }
            SyncTarget ctx = SyncTarget.load(factory, runId, realmId, targetId);
            if (ctx == null) {
                error = "the target no longer exists";
            } else if (!ctx.target.enabled()) {
                error = "the target is disabled";
            } else if ((error = ctx.read(r -> ScopeEvaluator.problem(r.session, r.realm, ctx.target.userScope()))) != null) {
                // Refused before any call: with a broken scope the sync would deprovision every account
                error = error + "; nothing was changed, fix the target's scope";
            } else {
                LOG.infof("SCIM full sync %s started (realm %s, target %s)", runId, realmId, targetId);
                FullSync sync = new FullSync(ctx, tokens, patchSupport, concurrency);
                report = sync.report();
                sync.run((phase, r) -> progress(runId, targetId, phase, r));
            }
        } catch (DeliveryFailure e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warnf(e, "SCIM full sync %s failed (realm %s, target %s)", runId, realmId, targetId);
            error = "internal error: " + e.getClass().getSimpleName();
        }
        if (finish(runId, targetId, report, error)) {
            OutboundMetrics.syncRun(realmId, targetId, error == null, report);
        }
    }

    /** Persists progress and renews the lease; false (stop) when the lease was lost to another node. */
    private boolean progress(String runId, String targetId, String phase, DriftReport report) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            EntityManager em = em(s);
            if (!SyncLeases.renew(em, targetId, owner, System.currentTimeMillis() + leaseMillis)) {
                LOG.warnf("SCIM full sync %s lost its lease (target %s); another node takes over", runId, targetId);
                return false;
            }
            SyncRunEntity run = em.find(SyncRunEntity.class, runId);
            if (run == null) {
                return false;
            }
            run.setPhase(phase);
            run.setReport(report.toJson().toString());
            return true;
        });
    }

    /** Records the outcome; false when the run was gone or taken over by another node (it is not this node's). */
    private boolean finish(String runId, String targetId, DriftReport report, String error) {
        boolean ours = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            EntityManager em = em(s);
            SyncRunEntity run = em.find(SyncRunEntity.class, runId);
            boolean mine = run != null && owner.equals(run.getNode());
            if (mine) {
                run.setStatus(error == null ? SyncRuns.DONE : SyncRuns.FAILED);
                run.setPhase(error == null ? "done" : "failed");
                run.setFinishedAt(System.currentTimeMillis());
                run.setReport(report.toJson().toString());
                run.setError(error == null || error.length() <= 2000 ? error : error.substring(0, 2000));
            }
            SyncLeases.release(em, targetId, owner);
            SyncRuns.prune(em, targetId);
            return mine;
        });
        StringBuilder counts = new StringBuilder();
        for (DriftReport.Kind kind : DriftReport.Kind.values()) {
            counts.append(' ').append(kind.wire).append('=').append(report.count(kind));
        }
        LOG.infof("SCIM full sync %s %s (target %s):%s%s", runId, error == null ? "done" : "failed", targetId, counts,
                error == null ? "" : " error: " + error);
        return ours;
    }

    private static EntityManager em(org.keycloak.models.KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
