package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Everything one delivery needs, read in one short transaction before any HTTP call: the row, the target (secrets
 * resolved), the current Keycloak state of the resource (and of the member, for membership rows) and their links;
 * {@code memberQueued} tells whether the member's own user row is still pending for this target;
 * {@code scopeProblem} says why the target's user scope cannot be evaluated now (see {@link ScopeEvaluator#problem}).
 */
record Snapshot(OutboxRow row, TargetConfig target, CloseableHttpClient http, State primary, State member,
        boolean memberQueued, String scopeProblem) {

    Snapshot(OutboxRow row, TargetConfig target, CloseableHttpClient http, State primary, State member,
            boolean memberQueued) {
        this(row, target, http, primary, member, memberQueued, null);
    }

    /** A remote-id link and the representation last pushed through it. */
    record Link(String remoteId, ObjectNode lastPushed) {
    }

    /**
     * One resource: its desired representation (null when it no longer exists locally), its link (or null) and
     * whether it is in the target's scope (decided by {@link ScopeEvaluator} when the snapshot was read).
     */
    record State(ResourceKind kind, String localId, ObjectNode desired, Link link, boolean inScope) {

        State(ResourceKind kind, String localId, ObjectNode desired, Link link) {
            this(kind, localId, desired, link, true);
        }
    }
}
