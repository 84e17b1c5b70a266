package dev.kcscim.client.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.jpa.OutboxEntity;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Delivery health of one target, computed from the outbox itself (delivered rows are kept for 24 hours), so every
 * node of a cluster reports the same numbers without a shared counter to contend on.
 */
public final class OutboxStats {

    private OutboxStats() {
    }

    /** {@code GET .../targets/{id}/status}. */
    public static ObjectNode status(EntityManager em, String targetId, long now) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("targetId", targetId);
        long pending = count(em, targetId, OutboxStatus.PENDING);
        json.put("queueDepth", pending);
        json.put("retrying", em.createQuery("select count(o) from OutboxEntity o where o.targetId = :t"
                + " and o.status = :s and o.attempts > 0", Long.class)
                .setParameter("t", targetId).setParameter("s", OutboxStatus.PENDING.name()).getSingleResult());
        Long oldest = em.createQuery("select min(o.createdAt) from OutboxEntity o where o.targetId = :t and o.status = :s",
                Long.class).setParameter("t", targetId).setParameter("s", OutboxStatus.PENDING.name()).getSingleResult();
        if (oldest == null) {
            json.putNull("oldestPendingAgeMs");
        } else {
            json.put("oldestPendingAgeMs", Math.max(0, now - oldest));
        }
        json.put("deadLetters", count(em, targetId, OutboxStatus.DEAD));
        Object[] done = em.createQuery("select count(o), max(o.doneAt), avg(o.doneAt - o.createdAt),"
                + " max(o.doneAt - o.createdAt) from OutboxEntity o where o.targetId = :t and o.status = :s", Object[].class)
                .setParameter("t", targetId).setParameter("s", OutboxStatus.DONE.name()).getSingleResult();
        ObjectNode delivered = json.putObject("delivered");
        delivered.put("last24h", ((Number) done[0]).longValue());
        putMillis(delivered, "lastSuccessAt", done[1]);
        ObjectNode latency = json.putObject("latencyMs");
        putMillis(latency, "average", done[2]);
        putMillis(latency, "max", done[3]);
        List<OutboxEntity> lastError = em.createQuery("select o from OutboxEntity o where o.targetId = :t"
                + " and o.lastErrorAt is not null and o.status <> :done order by o.lastErrorAt desc", OutboxEntity.class)
                .setParameter("t", targetId).setParameter("done", OutboxStatus.DONE.name()).setMaxResults(1).getResultList();
        if (lastError.isEmpty()) {
            json.putNull("lastError");
        } else {
            OutboxEntity row = lastError.get(0);
            ObjectNode error = json.putObject("lastError");
            error.put("at", row.getLastErrorAt());
            if (row.getLastStatus() == null) {
                error.putNull("status");
            } else {
                error.put("status", row.getLastStatus());
            }
            error.put("message", row.getLastError());
        }
        ObjectNode links = json.putObject("links");
        for (ResourceKind kind : ResourceKind.values()) {
            links.put(kind.name().toLowerCase(), em.createQuery("select count(l) from RemoteLinkEntity l"
                    + " where l.targetId = :t and l.resourceType = :k", Long.class)
                    .setParameter("t", targetId).setParameter("k", kind.name()).getSingleResult());
        }
        return json;
    }

    /** {@code GET .../targets/{id}/dead-letters}: oldest first. */
    public static ArrayNode deadLetters(EntityManager em, String targetId, int first, int max) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (OutboxEntity row : em.createQuery("select o from OutboxEntity o where o.targetId = :t and o.status = :s"
                + " order by o.id", OutboxEntity.class)
                .setParameter("t", targetId).setParameter("s", OutboxStatus.DEAD.name())
                .setFirstResult(first).setMaxResults(max).getResultList()) {
            ObjectNode json = list.addObject();
            json.put("id", String.valueOf(row.getId()));
            json.put("resourceType", row.getResourceType().toLowerCase());
            json.put("resourceId", row.getResourceId());
            json.put("operation", row.getOperation().toLowerCase());
            if (row.getDetails() != null) {
                json.put("memberId", row.getDetails());
            }
            json.put("attempts", row.getAttempts());
            json.put("createdAt", row.getCreatedAt());
            json.put("failedAt", row.getLastErrorAt());
            if (row.getLastStatus() != null) {
                json.put("status", row.getLastStatus());
            }
            json.put("error", row.getLastError());
        }
        return list;
    }

    /**
     * Puts dead letters back in the queue, due now, with a fresh retry budget; {@code rowId} null means all of the
     * target's. Returns how many.
     */
    public static int retryDead(EntityManager em, String targetId, Long rowId, long now) {
        var query = em.createQuery("update OutboxEntity o set o.status = :pending, o.nextAttemptAt = :now,"
                + " o.createdAt = :now, o.attempts = 0, o.leaseOwner = null, o.leaseUntil = null"
                + " where o.targetId = :t and o.status = :dead" + (rowId == null ? "" : " and o.id = :id"))
                .setParameter("pending", OutboxStatus.PENDING.name()).setParameter("now", now)
                .setParameter("t", targetId).setParameter("dead", OutboxStatus.DEAD.name());
        if (rowId != null) {
            query.setParameter("id", rowId);
        }
        return query.executeUpdate();
    }

    /** Deletes dead letters; {@code rowId} null means all of the target's. Returns how many. */
    public static int discardDead(EntityManager em, String targetId, Long rowId) {
        var query = em.createQuery("delete from OutboxEntity o where o.targetId = :t and o.status = :dead"
                + (rowId == null ? "" : " and o.id = :id"))
                .setParameter("t", targetId).setParameter("dead", OutboxStatus.DEAD.name());
        if (rowId != null) {
            query.setParameter("id", rowId);
        }
        return query.executeUpdate();
    }

    private static long count(EntityManager em, String targetId, OutboxStatus status) {
        return em.createQuery("select count(o) from OutboxEntity o where o.targetId = :t and o.status = :s", Long.class)
                .setParameter("t", targetId).setParameter("s", status.name()).getSingleResult();
    }

    private static void putMillis(ObjectNode json, String name, Object value) {
        if (value == null) {
            json.putNull(name);
        } else {
            json.put(name, ((Number) value).longValue());
        }
    }
}
