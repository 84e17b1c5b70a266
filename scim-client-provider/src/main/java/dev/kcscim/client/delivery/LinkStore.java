package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.jpa.RemoteLinkEntity;
import dev.kcscim.client.outbox.ResourceKind;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes {@code SCIM_REMOTE_LINK}: one row per (target, kind, Keycloak id). */
final class LinkStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids per {@code IN (...)} list: well under every supported database's bind-parameter limit. */
    private static final int IN_LIMIT = 500;

    private LinkStore() {
    }

    static Snapshot.Link find(EntityManager em, String targetId, ResourceKind kind, String localId) {
        return link(entity(em, targetId, kind, localId));
    }

    /** The link an entity holds (null: none). */
    static Snapshot.Link link(RemoteLinkEntity entity) {
        return entity == null ? null : new Snapshot.Link(entity.getRemoteId(), parse(entity.getLastPushed()));
    }

    /**
     * The links of many resources of one kind on one target, by Keycloak id, read with one query per
     * {@link #IN_LIMIT} ids (a full sync's page) instead of one per resource. The entities are managed by {@code em}.
     */
    static Map<String, RemoteLinkEntity> entities(EntityManager em, String targetId, ResourceKind kind,
            Collection<String> localIds) {
        Map<String, RemoteLinkEntity> found = new HashMap<>();
        List<String> ids = new ArrayList<>(localIds);
        for (int from = 0; from < ids.size(); from += IN_LIMIT) {
            // Only the id list is in the query, so that every database reads it through the index that starts
            // with LOCAL_ID (H2 would otherwise take the unique key on target and type and test the list against
            // every link of the target); the few links of other targets or kinds are dropped here
            em.createQuery("select l from RemoteLinkEntity l where l.localId in (:ids)", RemoteLinkEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIMIT)))
                    .getResultList().stream()
                    .filter(entity -> entity.getTargetId().equals(targetId) && entity.getResourceType().equals(kind.name()))
                    .forEach(entity -> found.put(entity.getLocalId(), entity));
        }
        return found;
    }

    /**
     * Saves a batch of link changes in {@code em}'s transaction, marking saved links as seen by {@code runId}: the
     * existing links are read with {@link #entities} (one query per kind), then updated, inserted or removed on
     * the managed entities, so the transaction flushes them once. Only the last change of a resource counts (a
     * forget followed by a save is a save; a save followed by a forget, a forget), which leaves the same rows as
     * applying them one by one.
     */
    static void saveAll(EntityManager em, String realmId, String targetId, List<LinkChange> changes, String runId,
            long now) {
        Map<ResourceKind, Map<String, LinkChange>> last = new LinkedHashMap<>();
        for (LinkChange change : changes) {
            last.computeIfAbsent(change.kind(), k -> new LinkedHashMap<>()).put(change.localId(), change);
        }
        for (Map.Entry<ResourceKind, Map<String, LinkChange>> kind : last.entrySet()) {
            Map<String, RemoteLinkEntity> existing = entities(em, targetId, kind.getKey(), kind.getValue().keySet());
            for (LinkChange change : kind.getValue().values()) {
                RemoteLinkEntity entity = existing.get(change.localId());
                if (change.remoteId() == null) {
                    if (entity != null) {
                        em.remove(entity);
                    }
                    continue;
                }
                upsert(em, entity, realmId, targetId, change.kind(), change.localId(), change.remoteId(),
                        change.lastPushed(), now).setSyncMark(runId);
            }
        }
    }

    /** Creates or updates the link; returns the managed entity (changes to it are saved with the transaction). */
    static RemoteLinkEntity upsert(EntityManager em, String realmId, String targetId, ResourceKind kind, String localId,
            String remoteId, ObjectNode lastPushed, long now) {
        return upsert(em, entity(em, targetId, kind, localId), realmId, targetId, kind, localId, remoteId, lastPushed, now);
    }

    /** As above, with the existing link already read ({@code existing}, null: none). */
    private static RemoteLinkEntity upsert(EntityManager em, RemoteLinkEntity existing, String realmId, String targetId,
            ResourceKind kind, String localId, String remoteId, ObjectNode lastPushed, long now) {
        RemoteLinkEntity entity = existing == null ? newEntity(realmId, targetId, kind, localId) : existing;
        entity.setRemoteId(remoteId);
        entity.setLastPushed(lastPushed == null ? null : lastPushed.toString());
        entity.setUpdatedAt(now);
        if (existing == null) {
            // persisted once complete: Hibernate checks the not-null columns here
            em.persist(entity);
        }
        return entity;
    }

    /** The Keycloak id linked to {@code remoteId} on this target, or null. */
    static String localIdOf(EntityManager em, String targetId, ResourceKind kind, String remoteId) {
        List<String> found = em.createQuery("select l.localId from RemoteLinkEntity l where l.targetId = :target"
                        + " and l.resourceType = :type and l.remoteId = :remote", String.class)
                .setParameter("target", targetId).setParameter("type", kind.name()).setParameter("remote", remoteId)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Records that sync run {@code runId} saw this link's resource on the target. */
    static void mark(EntityManager em, String targetId, ResourceKind kind, String localId, String runId) {
        em.createQuery("update RemoteLinkEntity l set l.syncMark = :run where l.targetId = :target"
                        + " and l.resourceType = :type and l.localId = :local")
                .setParameter("run", runId).setParameter("target", targetId).setParameter("type", kind.name())
                .setParameter("local", localId).executeUpdate();
    }

    static void delete(EntityManager em, String targetId, ResourceKind kind, String localId) {
        em.createQuery("delete from RemoteLinkEntity l where l.targetId = :target and l.resourceType = :type"
                        + " and l.localId = :local")
                .setParameter("target", targetId).setParameter("type", kind.name()).setParameter("local", localId)
                .executeUpdate();
    }

    private static RemoteLinkEntity newEntity(String realmId, String targetId, ResourceKind kind, String localId) {
        RemoteLinkEntity entity = new RemoteLinkEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realmId);
        entity.setTargetId(targetId);
        entity.setResourceType(kind.name());
        entity.setLocalId(localId);
        return entity;
    }

    private static RemoteLinkEntity entity(EntityManager em, String targetId, ResourceKind kind, String localId) {
        List<RemoteLinkEntity> found = em.createQuery("select l from RemoteLinkEntity l where l.targetId = :target"
                        + " and l.resourceType = :type and l.localId = :local", RemoteLinkEntity.class)
                .setParameter("target", targetId).setParameter("type", kind.name()).setParameter("local", localId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static ObjectNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isObject() ? (ObjectNode) node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
