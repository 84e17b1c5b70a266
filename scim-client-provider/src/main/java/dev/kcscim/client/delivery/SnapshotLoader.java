package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.Operation;
import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.OutboxStore;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.Targets;
import jakarta.persistence.EntityManager;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.vault.VaultStringSecret;

/** Reads a {@link Snapshot} inside a transaction; null when the realm or the target no longer exists. */
final class SnapshotLoader {

    private SnapshotLoader() {
    }

    static Snapshot load(KeycloakSession session, OutboxRow row) {
        RealmModel realm = session.realms().getRealm(row.realmId());
        if (realm == null) {
            return null;
        }
        ComponentModel component = Targets.find(realm, row.targetId());
        if (component == null) {
            return null;
        }
        session.getContext().setRealm(realm);
        TargetConfig target = resolveSecrets(session, TargetConfig.of(component));
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Snapshot.State primary = state(session, em, realm, target, row.kind(), row.resourceId());
        Snapshot.State member = null;
        boolean memberQueued = false;
        if ((row.op() == Operation.MEMBER_ADD || row.op() == Operation.MEMBER_REMOVE) && row.details() != null) {
            member = state(session, em, realm, target, ResourceKind.USER, row.details());
            memberQueued = member.link() == null
                    && OutboxStore.hasPending(em, target.id(), ResourceKind.USER, row.details());
        }
        return new Snapshot(row, target, session.getProvider(HttpClientProvider.class).getHttpClient(), primary, member,
                memberQueued);
    }

    private static Snapshot.State state(KeycloakSession session, EntityManager em, RealmModel realm, TargetConfig target,
            ResourceKind kind, String localId) {
        ObjectNode desired;
        if (kind == ResourceKind.USER) {
            UserModel user = session.users().getUserById(realm, localId);
            desired = user == null ? null : OutboundMapper.user(user);
        } else {
            GroupModel group = session.groups().getGroupById(realm, localId);
            desired = group == null ? null : OutboundMapper.group(group);
        }
        return new Snapshot.State(kind, localId, desired, LinkStore.find(em, target.id(), kind, localId));
    }

    /** Replaces {@code ${vault.x}} references by their values; literals are kept. Never logged. */
    static TargetConfig resolveSecrets(KeycloakSession session, TargetConfig t) {
        return new TargetConfig(t.id(), t.realmId(), t.name(), t.baseUrl(), t.enabled(), t.authType(),
                vault(session, t.token()), t.username(), vault(session, t.password()), t.tokenUrl(), t.clientId(),
                vault(session, t.clientSecret()), t.scope(), t.connectTimeoutMs(), t.requestTimeoutMs(), t.deleteMode(),
                t.on404(), t.usePatch(), t.retryBudgetMillis());
    }

    private static String vault(KeycloakSession session, String value) {
        if (value == null || !value.startsWith("${vault.")) {
            return value;
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
            return secret.get().orElse(null);
        }
    }
}
