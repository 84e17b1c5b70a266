package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;

/** A link to save ({@code remoteId} set) or forget ({@code remoteId} null) once the HTTP calls are over. */
record LinkChange(ResourceKind kind, String localId, String remoteId, ObjectNode lastPushed) {

    static LinkChange save(ResourceKind kind, String localId, String remoteId, ObjectNode lastPushed) {
        return new LinkChange(kind, localId, remoteId, lastPushed);
    }

    static LinkChange forget(ResourceKind kind, String localId) {
        return new LinkChange(kind, localId, null, null);
    }
}
