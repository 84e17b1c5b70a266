package dev.kcscim.client.outbox;

import dev.kcscim.client.jpa.OutboxEntity;

/** An immutable copy of an outbox row, safe to use outside the transaction that read it. */
public record OutboxRow(long id, String realmId, String targetId, ResourceKind kind, String resourceId, Operation op,
        String details, int attempts, long createdAt) {

    public static OutboxRow of(OutboxEntity e) {
        return new OutboxRow(e.getId(), e.getRealmId(), e.getTargetId(), ResourceKind.valueOf(e.getResourceType()),
                e.getResourceId(), Operation.valueOf(e.getOperation()), e.getDetails(), e.getAttempts(), e.getCreatedAt());
    }
}
