package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.jpa.RemoteLinkEntity;
import dev.kcscim.client.outbox.ResourceKind;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code SCIM_REMOTE_LINK}: one row per (target, kind, Keycloak id). */
final class LinkStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkStore() {
    }

    static Snapshot.Link find(EntityManager em, String targetId, ResourceKind kind, String localId) {
        RemoteLinkEntity entity = entity(em, targetId, kind, localId);
        return entity == null ? null : new Snapshot.Link(entity.getRemoteId(), parse(entity.getLastPushed()));
    }

    /** Creates or updates the link; returns the managed entity (changes to it are saved with the transaction). */
    static RemoteLinkEntity upsert(EntityManager em, String realmId, String targetId, ResourceKind kind, String localId,
            String remoteId, ObjectNode lastPushed, long now) {
        RemoteLinkEntity entity = entity(em, targetId, kind, localId);
        boolean created = entity == null;
        if (created) {
            entity = new RemoteLinkEntity();
            entity.setId(UUID.randomUUID().toString());
            entity.setRealmId(realmId);
            entity.setTargetId(targetId);
            entity.setResourceType(kind.name());
            entity.setLocalId(localId);
        }
        entity.setRemoteId(remoteId);
        entity.setLastPushed(lastPushed == null ? null : lastPushed.toString());
        entity.setUpdatedAt(now);
        if (created) {
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

    /** The sync run that last saw this link's resource on the target, or null. */
    static String syncMark(EntityManager em, String targetId, ResourceKind kind, String localId) {
        RemoteLinkEntity entity = entity(em, targetId, kind, localId);
        return entity == null ? null : entity.getSyncMark();
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
