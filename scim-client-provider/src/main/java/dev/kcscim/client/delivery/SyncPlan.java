package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.core.diff.ResourceDiff;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.Locale;

/**
 * The SCIM request one sync of one resource makes (RFC 7644 §3.3 POST, §3.5.1 PUT, §3.5.2 PATCH, §3.6 DELETE),
 * decided from its {@link Snapshot.State} alone: create when in scope and unlinked, a minimal update when in scope
 * and linked, deprovision (DELETE, or {@code active:false} per {@code deleteMode}) when linked but out of scope,
 * nothing otherwise. {@link ScimSync} sends exactly these requests; the preview endpoint shows them.
 *
 * @param path below the target's base URL; null for {@code NONE}
 */
record SyncPlan(Operation operation, String method, String path, JsonNode body) {

    /** What the sync does to the target. */
    enum Operation {
        CREATE, UPDATE, DEPROVISION, NONE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final SyncPlan NONE = new SyncPlan(Operation.NONE, null, null, null);

    /**
     * The plan for {@code state}; {@code patch} tells whether the target takes PATCH (asked only when an update or
     * a deprovisioning needs to know, as it may cost a request to the target).
     */
    static SyncPlan of(Snapshot.State state, TargetConfig target, java.util.function.BooleanSupplier patch) {
        if (state.desired() == null) {
            return NONE;
        }
        if (!state.inScope()) {
            return state.link() == null ? NONE : deprovision(state, target, patch.getAsBoolean());
        }
        if (state.link() == null) {
            return new SyncPlan(Operation.CREATE, "POST", ScimSync.endpoint(state.kind()), state.desired());
        }
        return update(state, target, patch.getAsBoolean());
    }

    /** A minimal PATCH (or a PUT) from the representation last pushed to the desired one; NONE when equal. */
    static SyncPlan update(Snapshot.State state, TargetConfig target, boolean patch) {
        Snapshot.Link link = state.link();
        ObjectNode base = link.lastPushed() == null ? JsonNodeFactory.instance.objectNode() : link.lastPushed();
        return update(state, target, patch, base);
    }

    /** As {@link #update(Snapshot.State, TargetConfig, boolean)} against {@code base} (e.g. the target's copy). */
    static SyncPlan update(Snapshot.State state, TargetConfig target, boolean patch, ObjectNode base) {
        ObjectNode desired = ScimSync.keepRemoteExternalId(state.desired(), base);
        PatchRequest diff = ResourceDiff.diff(base, desired, schema(state.kind(), target));
        if (diff.operations().isEmpty()) {
            return NONE;
        }
        String path = ScimSync.endpoint(state.kind()) + "/" + state.link().remoteId();
        return patch ? new SyncPlan(Operation.UPDATE, "PATCH", path, diff.toJson())
                : new SyncPlan(Operation.UPDATE, "PUT", path, desired);
    }

    /** Removal from a target of a linked resource: DELETE, or for users in {@code deactivate} mode active=false. */
    static SyncPlan deprovision(Snapshot.State state, TargetConfig target, boolean patch) {
        Snapshot.Link link = state.link();
        if (link == null) {
            return NONE;
        }
        String path = ScimSync.endpoint(state.kind()) + "/" + link.remoteId();
        if (state.kind() == ResourceKind.USER && target.deleteMode() == TargetConfig.DeleteMode.DEACTIVATE) {
            if (link.lastPushed() != null && link.lastPushed().path("active").isBoolean()
                    && !link.lastPushed().get("active").asBoolean()) {
                return NONE;
            }
            return patch
                    ? new SyncPlan(Operation.DEPROVISION, "PATCH", path,
                            PatchRequest.of(PatchOperation.replace("active", false)).toJson())
                    : new SyncPlan(Operation.DEPROVISION, "PUT", path, inactive(link));
        }
        return new SyncPlan(Operation.DEPROVISION, "DELETE", path, null);
    }

    /** The last pushed representation with {@code active:false}: what a deactivated account holds. */
    static ObjectNode inactive(Snapshot.Link link) {
        ObjectNode base = link.lastPushed() == null ? JsonNodeFactory.instance.objectNode() : link.lastPushed();
        return base.deepCopy().put("active", false);
    }

    static ResourceSchema schema(ResourceKind kind, TargetConfig target) {
        return kind == ResourceKind.USER ? MappingSchema.of(target.mapping()) : CoreSchemas.GROUP_RESOURCE;
    }
}
