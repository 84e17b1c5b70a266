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
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.vault.VaultStringSecret;

/** Reads a {@link Snapshot} inside a transaction; null when the realm or the target no longer exists. */
final class SnapshotLoader {

    /** Keycloak's JPA store, under its cache. */
    private static final String STORE = "jpa";

    private SnapshotLoader() {
    }

    static Snapshot load(KeycloakSession session, OutboxRow row) {
        RealmModel realm = session.realms().getRealm(row.realmId());
        if (realm == null) {
            return null;
        }
        OutboundMetrics.realmName(realm.getId(), realm.getName());
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
                memberQueued, ScopeEvaluator.problem(session, realm, target.userScope()));
    }

    /**
     * The state of one resource for one target: what would be pushed (per the target's mapping), its link, and
     * whether it is in the target's scope. Delivery, preview and the full sync all read resources here.
     */
    static Snapshot.State state(KeycloakSession session, EntityManager em, RealmModel realm, TargetConfig target,
            ResourceKind kind, String localId) {
        if (kind == ResourceKind.USER) {
            UserModel user = storedUser(session, realm, localId);
            return userState(session, em, realm, target, user, localId);
        }
        GroupModel group = storedGroup(session, realm, localId);
        ObjectNode desired = group == null ? null : OutboundMapper.group(group);
        boolean inScope = group != null && ScopeEvaluator.groupInScope(target.userScope(), group);
        return new Snapshot.State(kind, localId, desired, LinkStore.find(em, target.id(), kind, localId), inScope);
    }

    /** As {@link #state} for a user already loaded (null: deleted). */
    static Snapshot.State userState(KeycloakSession session, EntityManager em, RealmModel realm, TargetConfig target,
            UserModel user, String localId) {
        return userState(session, realm, target, user, localId, LinkStore.find(em, target.id(), ResourceKind.USER,
                localId));
    }

    /** As the other {@code userState}, with the link already read (null: none). */
    static Snapshot.State userState(KeycloakSession session, RealmModel realm, TargetConfig target, UserModel user,
            String localId, Snapshot.Link link) {
        ObjectNode desired = user == null ? null : OutboundMapper.user(realm, user, target.mapping());
        boolean inScope = user != null && ScopeEvaluator.userInScope(session, realm, target.userScope(), user);
        return new Snapshot.State(ResourceKind.USER, localId, desired, link, inScope);
    }

    /**
     * The user as the database holds it, not Keycloak's cache: a change invalidates the cache only after its commit,
     * so a delivery starting in between (its row already visible) would read the state from before the change,
     * and having absorbed the change's row, never send it. Federated users are read through Keycloak's storage
     * layer, which proxies their provider.
     */
    static UserModel storedUser(KeycloakSession session, RealmModel realm, String id) {
        UserProvider store = session.getProvider(UserProvider.class, STORE);
        UserModel stored = store == null ? null : store.getUserById(realm, id);
        if (stored != null && stored.getFederationLink() == null) {
            return stored;
        }
        return session.users().getUserById(realm, id);
    }

    /** The group as the database holds it (see {@link #storedUser}). */
    static GroupModel storedGroup(KeycloakSession session, RealmModel realm, String id) {
        GroupProvider store = session.getProvider(GroupProvider.class, STORE);
        GroupModel stored = store == null ? null : store.getGroupById(realm, id);
        return stored != null ? stored : session.groups().getGroupById(realm, id);
    }

    /** Replaces {@code ${vault.x}} references by their values; literals are kept. Never logged. */
    static TargetConfig resolveSecrets(KeycloakSession session, TargetConfig t) {
        return t.withSecrets(vault(session, t.token()), vault(session, t.password()), vault(session, t.clientSecret()));
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
