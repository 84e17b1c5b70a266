package dev.kcscim.client.delivery;

import dev.kcscim.client.jpa.SyncLeaseEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The per-target full-sync lease ({@code SCIM_SYNC_LEASE}). Taken by a conditional UPDATE that succeeds only when
 * the lease ran out (or is ours), or by inserting the target's row, whose primary key lets one of several racing
 * nodes win. Renewed as the run progresses; released when it ends.
 */
final class SyncLeases {

    private SyncLeases() {
    }

    /** Takes the lease of {@code targetId} for {@code owner} until {@code until}; false when another node holds it. */
    static boolean acquire(KeycloakSessionFactory factory, String targetId, String owner, long now, long until) {
        boolean updated = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> update(em(s), targetId,
                owner, now, until));
        if (updated) {
            return true;
        }
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
                EntityManager em = em(s);
                if (em.find(SyncLeaseEntity.class, targetId) != null) {
                    return false;
                }
                SyncLeaseEntity lease = new SyncLeaseEntity();
                lease.setTargetId(targetId);
                lease.setLeaseOwner(owner);
                lease.setLeaseUntil(until);
                em.persist(lease);
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            // Another node inserted the row first: it holds the lease
            return false;
        }
    }

    /** Extends our lease; false when it is no longer ours (it ran out and another node took it). */
    static boolean renew(EntityManager em, String targetId, String owner, long until) {
        return em.createQuery("update SyncLeaseEntity l set l.leaseUntil = :until where l.targetId = :target"
                        + " and l.leaseOwner = :owner")
                .setParameter("until", until).setParameter("target", targetId).setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    static void release(EntityManager em, String targetId, String owner) {
        em.createQuery("update SyncLeaseEntity l set l.leaseUntil = 0, l.leaseOwner = null where l.targetId = :target"
                        + " and l.leaseOwner = :owner")
                .setParameter("target", targetId).setParameter("owner", owner).executeUpdate();
    }

    private static boolean update(EntityManager em, String targetId, String owner, long now, long until) {
        return em.createQuery("update SyncLeaseEntity l set l.leaseOwner = :owner, l.leaseUntil = :until"
                        + " where l.targetId = :target and (l.leaseUntil < :now or l.leaseOwner = :owner)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("target", targetId)
                .setParameter("now", now).executeUpdate() == 1;
    }

    private static EntityManager em(org.keycloak.models.KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
