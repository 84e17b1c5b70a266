package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.jpa.SyncRunEntity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The {@code SCIM_SYNC_RUN} queries: queue a run (at most one queued or running per target), find the runs a node
 * may start, record progress and outcome, keep the last {@link #KEEP} runs of each target.
 */
public final class SyncRuns {

    /** Runs kept per target (older finished runs are deleted). */
    public static final int KEEP = 10;

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncRuns() {
    }

    /** The result of {@link #enqueue}: the run, and whether it was queued now or already active. */
    public record Queued(SyncRunEntity run, boolean created) {
    }

    /** Queues a run of {@code targetId}; returns the already queued or running one if there is one. */
    public static Queued enqueue(EntityManager em, String realmId, String targetId, String trigger, long now) {
        SyncRunEntity active = active(em, targetId);
        if (active != null) {
            return new Queued(active, false);
        }
        SyncRunEntity run = new SyncRunEntity();
        run.setId(UUID.randomUUID().toString());
        run.setRealmId(realmId);
        run.setTargetId(targetId);
        run.setTrigger(trigger);
        run.setStatus(QUEUED);
        run.setPhase("queued");
        run.setCreatedAt(now);
        em.persist(run);
        return new Queued(run, true);
    }

    /** The queued or running run of a target, or null. */
    static SyncRunEntity active(EntityManager em, String targetId) {
        List<SyncRunEntity> found = em.createQuery("select r from SyncRunEntity r where r.targetId = :target"
                        + " and r.status in (:queued, :running) order by r.createdAt", SyncRunEntity.class)
                .setParameter("target", targetId).setParameter("queued", QUEUED).setParameter("running", RUNNING)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** When the target's latest run was queued, or null when it never ran. */
    static Long lastCreatedAt(EntityManager em, String targetId) {
        return em.createQuery("select max(r.createdAt) from SyncRunEntity r where r.targetId = :target", Long.class)
                .setParameter("target", targetId).getSingleResult();
    }

    /** Runs to start: queued ones, and running ones whose node lost the target's lease (it died). */
    static List<SyncRunEntity> startable(EntityManager em, long now, int limit) {
        return em.createQuery("select r from SyncRunEntity r where r.status = :queued or (r.status = :running"
                        + " and not exists (select l.targetId from SyncLeaseEntity l where l.targetId = r.targetId"
                        + " and l.leaseUntil >= :now)) order by r.createdAt", SyncRunEntity.class)
                .setParameter("queued", QUEUED).setParameter("running", RUNNING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** The last runs of a target, newest first. */
    public static List<SyncRunEntity> recent(EntityManager em, String targetId, int max) {
        return em.createQuery("select r from SyncRunEntity r where r.targetId = :target order by r.createdAt desc",
                        SyncRunEntity.class)
                .setParameter("target", targetId).setMaxResults(max).getResultList();
    }

    public static SyncRunEntity find(EntityManager em, String targetId, String runId) {
        SyncRunEntity run = runId == null ? null : em.find(SyncRunEntity.class, runId);
        return run == null || !run.getTargetId().equals(targetId) ? null : run;
    }

    /** Deletes finished runs of a target beyond the newest {@link #KEEP}. */
    static void prune(EntityManager em, String targetId) {
        List<SyncRunEntity> runs = em.createQuery("select r from SyncRunEntity r where r.targetId = :target"
                        + " and r.status in (:done, :failed) order by r.createdAt desc", SyncRunEntity.class)
                .setParameter("target", targetId).setParameter("done", DONE).setParameter("failed", FAILED)
                .setFirstResult(KEEP).setMaxResults(1000).getResultList();
        runs.forEach(em::remove);
    }

    /** The JSON of a run for the admin API. */
    public static ObjectNode toJson(SyncRunEntity run) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", run.getId());
        json.put("targetId", run.getTargetId());
        json.put("trigger", run.getTrigger());
        json.put("status", run.getStatus().toLowerCase(Locale.ROOT));
        json.put("phase", run.getPhase());
        json.put("createdAt", run.getCreatedAt());
        if (run.getStartedAt() != null) {
            json.put("startedAt", run.getStartedAt());
        }
        if (run.getFinishedAt() != null) {
            json.put("finishedAt", run.getFinishedAt());
        }
        if (run.getNode() != null) {
            // The node (dispatcher lease owner) that ran it: one node per target at a time in a cluster
            json.put("node", run.getNode());
        }
        if (run.getError() != null) {
            json.put("error", run.getError());
        }
        JsonNode report = parse(run.getReport());
        if (report != null && report.isObject()) {
            report.properties().forEach(e -> json.set(e.getKey(), e.getValue()));
        }
        return json;
    }

    public static ArrayNode toJson(List<SyncRunEntity> runs) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        runs.forEach(run -> list.add(toJson(run)));
        return list;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
