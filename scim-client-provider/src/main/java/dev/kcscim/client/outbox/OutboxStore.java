package dev.kcscim.client.outbox;

import dev.kcscim.client.jpa.OutboxEntity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The outbox queries of the dispatcher. Correctness between nodes comes from the database: a row is claimed by a
 * conditional UPDATE that succeeds only while no live lease exists, so of several nodes racing for one row exactly
 * one gets it, and a node that dies loses its lease when {@code LEASE_UNTIL} passes. Per (target, resource) order:
 * a row is a candidate only when no older pending row of the same resource exists (an in-flight or backing-off
 * row keeps its successors waiting).
 */
public final class OutboxStore {

    static final String PENDING = OutboxStatus.PENDING.name();

    private OutboxStore() {
    }

    /** Ids of rows due at {@code now}, unleased, first of their resource, oldest first. */
    public static List<Long> candidates(EntityManager em, long now, int limit) {
        return candidates(em, now, limit, Set.of()).stream().map(c -> (Long) c[0]).toList();
    }

    /** {@code {id, targetId}} of rows due at {@code now}, unleased, first of their resource, oldest first, of
     *  targets not in {@code excludedTargets}. */
    static List<Object[]> candidates(EntityManager em, long now, int limit, Set<String> excludedTargets) {
        String excluded = excludedTargets.isEmpty() ? "" : " and o.targetId not in :busy";
        var query = em.createQuery("select o.id, o.targetId from OutboxEntity o where o.status = :pending"
                        + " and o.nextAttemptAt <= :now and (o.leaseUntil is null or o.leaseUntil < :now)" + excluded
                        + " and not exists (select p.id from OutboxEntity p where p.targetId = o.targetId"
                        + " and p.resourceType = o.resourceType and p.resourceId = o.resourceId"
                        + " and p.status = :pending and p.id < o.id)"
                        + " order by o.id", Object[].class)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit);
        if (!excludedTargets.isEmpty()) {
            query.setParameter("busy", excludedTargets);
        }
        return query.getResultList();
    }

    /** Whether a pending row (queued, in flight or backing off) exists for this resource and target. */
    public static boolean hasPending(EntityManager em, String targetId, ResourceKind kind, String resourceId) {
        return !em.createQuery("select o.id from OutboxEntity o where o.targetId = :target and o.resourceType = :type"
                        + " and o.resourceId = :rid and o.status = :pending", Long.class)
                .setParameter("target", targetId).setParameter("type", kind.name()).setParameter("rid", resourceId)
                .setParameter("pending", PENDING).setMaxResults(1).getResultList().isEmpty();
    }

    /** Takes the lease on one row; false when another node holds it or the row is no longer pending. */
    public static boolean claim(EntityManager em, long id, String owner, long now, long leaseUntil) {
        return em.createQuery("update OutboxEntity o set o.leaseOwner = :owner, o.leaseUntil = :until"
                        + " where o.id = :id and o.status = :pending and (o.leaseUntil is null or o.leaseUntil < :now)")
                .setParameter("owner", owner)
                .setParameter("until", leaseUntil)
                .setParameter("id", id)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Claims up to {@code limit} due rows for {@code owner}, at most {@code roomOf(targetId)} of each target, so one
     * slow or hanging target cannot take every delivery thread. A claimed SYNC row absorbs the SYNC rows of the same
     * resource queued right behind it: they are committed, and delivery reads the state only after this claim
     * commits, so one delivery covers them all (coalescing).
     */
    public static List<OutboxRow> claimBatch(EntityManager em, String owner, long now, long leaseMillis, int limit,
            ToIntFunction<String> roomOf, Set<String> fullTargets) {
        List<OutboxRow> claimed = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Object[] candidate : candidates(em, now, limit, fullTargets)) {
            long id = (Long) candidate[0];
            String targetId = (String) candidate[1];
            int already = taken.getOrDefault(targetId, 0);
            if (already >= roomOf.applyAsInt(targetId)) {
                continue;
            }
            if (claim(em, id, owner, now, now + leaseMillis)) {
                OutboxEntity row = em.find(OutboxEntity.class, id);
                if (row != null) {
                    em.refresh(row);
                    if (Operation.SYNC.name().equals(row.getOperation())) {
                        absorbFollowers(em, row, now);
                    }
                    claimed.add(OutboxRow.of(row));
                    taken.put(targetId, already + 1);
                }
            }
        }
        return claimed;
    }

    private static void absorbFollowers(EntityManager em, OutboxEntity head, long now) {
        List<OutboxEntity> followers = em.createQuery("select o from OutboxEntity o where o.targetId = :target"
                        + " and o.resourceType = :type and o.resourceId = :rid and o.status = :pending and o.id > :id"
                        + " order by o.id", OutboxEntity.class)
                .setParameter("target", head.getTargetId())
                .setParameter("type", head.getResourceType())
                .setParameter("rid", head.getResourceId())
                .setParameter("pending", PENDING)
                .setParameter("id", head.getId())
                .setMaxResults(100)
                .getResultList();
        for (OutboxEntity follower : followers) {
            if (!Operation.SYNC.name().equals(follower.getOperation())) {
                return;
            }
            follower.setStatus(OutboxStatus.DONE.name());
            follower.setDoneAt(now);
            follower.setLastError("coalesced into #" + head.getId());
        }
    }

    /** Marks a delivered row done (kept for statistics until purged); a lost lease makes this a no-op. */
    public static void complete(EntityManager em, long id, String owner, long now) {
        em.createQuery("update OutboxEntity o set o.status = :done, o.doneAt = :now, o.leaseOwner = null,"
                        + " o.leaseUntil = null where o.id = :id and o.leaseOwner = :owner")
                .setParameter("done", OutboxStatus.DONE.name())
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** Records a failed attempt: back to pending at {@code nextAttemptAt}, or dead when {@code dead}. */
    public static void fail(EntityManager em, long id, String owner, long now, boolean dead, long nextAttemptAt,
            Integer status, String error) {
        em.createQuery("update OutboxEntity o set o.status = :status, o.attempts = o.attempts + 1,"
                        + " o.nextAttemptAt = :next, o.leaseOwner = null, o.leaseUntil = null, o.lastStatus = :code,"
                        + " o.lastError = :error, o.lastErrorAt = :now where o.id = :id and o.leaseOwner = :owner")
                .setParameter("status", dead ? OutboxStatus.DEAD.name() : PENDING)
                .setParameter("next", nextAttemptAt)
                .setParameter("code", status)
                .setParameter("error", truncate(error, 2000))
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** Drops rows of a realm or target that no longer exists. */
    public static void drop(EntityManager em, long id) {
        em.createQuery("delete from OutboxEntity o where o.id = :id").setParameter("id", id).executeUpdate();
    }

    /** Deletes delivered rows older than {@code before}; returns how many. */
    public static int purgeDone(EntityManager em, long before) {
        return em.createQuery("delete from OutboxEntity o where o.status = :done and o.doneAt < :before")
                .setParameter("done", OutboxStatus.DONE.name())
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Removes every row and link of a realm (the realm was deleted). */
    public static void removeRealm(EntityManager em, String realmId) {
        em.createQuery("delete from OutboxEntity o where o.realmId = :realm").setParameter("realm", realmId)
                .executeUpdate();
        em.createQuery("delete from RemoteLinkEntity l where l.realmId = :realm").setParameter("realm", realmId)
                .executeUpdate();
        em.createQuery("delete from SyncLeaseEntity s where s.targetId in (select r.targetId from SyncRunEntity r"
                + " where r.realmId = :realm)").setParameter("realm", realmId).executeUpdate();
        em.createQuery("delete from SyncRunEntity r where r.realmId = :realm").setParameter("realm", realmId)
                .executeUpdate();
    }

    /** Removes every row, link, sync run and lease of a target (the target was deleted). */
    public static void removeTarget(EntityManager em, String targetId) {
        em.createQuery("delete from OutboxEntity o where o.targetId = :target").setParameter("target", targetId)
                .executeUpdate();
        em.createQuery("delete from RemoteLinkEntity l where l.targetId = :target").setParameter("target", targetId)
                .executeUpdate();
        em.createQuery("delete from SyncRunEntity r where r.targetId = :target").setParameter("target", targetId)
                .executeUpdate();
        em.createQuery("delete from SyncLeaseEntity s where s.targetId = :target").setParameter("target", targetId)
                .executeUpdate();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
