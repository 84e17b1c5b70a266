package dev.kcscim.client.delivery;

import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.Targets;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Queues the scheduled full syncs that are due: for each enabled target with {@code syncIntervalSeconds > 0}
 * whose latest run was queued at least that long ago (or never), and that has no run queued or running. Called
 * from the dispatcher's cluster-aware tick, so one node queues; any node may then run it under the lease. This is
 * what catches changes that emitted no event (realm import, LDAP sync).
 */
final class SyncScheduler {

    static final String TRIGGER = "scheduled";

    private SyncScheduler() {
    }

    /** Queues due runs; returns how many. */
    static int enqueueDue(KeycloakSession session, long now) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        int[] queued = {0};
        session.realms().getRealmsStream().forEach(realm -> {
            for (TargetConfig target : Targets.enabled(realm)) {
                if (target.syncIntervalSeconds() <= 0) {
                    continue;
                }
                Long last = SyncRuns.lastCreatedAt(em, target.id());
                if (last == null || now - last >= target.syncIntervalSeconds() * 1000L) {
                    if (SyncRuns.enqueue(em, realm.getId(), target.id(), TRIGGER, now).created()) {
                        queued[0]++;
                    }
                }
            }
        });
        return queued[0];
    }
}
