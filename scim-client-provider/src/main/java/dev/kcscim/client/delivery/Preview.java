package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.targets.TargetConfig;
import jakarta.persistence.EntityManager;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A dry run of one user's sync to one target: the same state read ({@link SnapshotLoader#userState}) and the same
 * plan ({@link SyncPlan#of}) that delivery executes, without sending anything. The target is assumed to take
 * PATCH unless its {@code usePatch} is {@code never} (the preview does not call the target).
 */
public final class Preview {

    private Preview() {
    }

    /** The preview of {@code userId}, or null when the realm has no such user. */
    public static ObjectNode of(KeycloakSession session, RealmModel realm, ComponentModel component, String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            return null;
        }
        TargetConfig target = TargetConfig.of(component);
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Snapshot.State state = SnapshotLoader.userState(session, em, realm, target, user, user.getId());
        SyncPlan plan = SyncPlan.of(state, target, () -> target.usePatch() != TargetConfig.UsePatch.NEVER);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("userId", user.getId());
        json.put("inScope", state.inScope());
        json.put("linked", state.link() != null);
        if (state.link() != null) {
            json.put("remoteId", state.link().remoteId());
        }
        json.put("operation", plan.operation().wire());
        if (plan.operation() != SyncPlan.Operation.NONE) {
            ObjectNode request = json.putObject("request").put("method", plan.method()).put("path", plan.path());
            if (plan.body() != null) {
                request.set("body", plan.body());
            }
        }
        json.set("resource", state.desired());
        return json;
    }
}
