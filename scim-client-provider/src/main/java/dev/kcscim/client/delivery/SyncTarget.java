package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.Targets;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;
import org.apache.http.impl.client.CloseableHttpClient;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What a full sync works with: the target (secrets resolved), Keycloak's HTTP client, and short transactions for
 * reading Keycloak state and saving links. HTTP calls are made between transactions, never inside one.
 */
final class SyncTarget {

    final KeycloakSessionFactory factory;
    final String runId;
    final String realmId;
    final TargetConfig target;
    final CloseableHttpClient http;

    private SyncTarget(KeycloakSessionFactory factory, String runId, String realmId, TargetConfig target,
            CloseableHttpClient http) {
        this.factory = factory;
        this.runId = runId;
        this.realmId = realmId;
        this.target = target;
        this.http = http;
    }

    /** Loads the target; null when the realm or the target is gone. */
    static SyncTarget load(KeycloakSessionFactory factory, String runId, String realmId, String targetId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            ComponentModel component = realm == null ? null : Targets.find(realm, targetId);
            if (component == null) {
                return null;
            }
            s.getContext().setRealm(realm);
            OutboundMetrics.realmName(realm.getId(), realm.getName());
            return new SyncTarget(factory, runId, realmId, SnapshotLoader.resolveSecrets(s, TargetConfig.of(component)),
                    s.getProvider(HttpClientProvider.class).getHttpClient());
        });
    }

    /** Runs {@code work} in a transaction with the realm set on the session. */
    <T> T read(Function<Reader, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            s.getContext().setRealm(realm);
            return work.apply(new Reader(s, realm, s.getProvider(JpaConnectionProvider.class).getEntityManager()));
        });
    }

    /** Saves link changes made by HTTP calls (a list drained from the sync), marking the saved links as seen by this run. */
    void save(List<LinkChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        // one read of the existing links and one flush for the whole batch (a page), not a select per link
        KeycloakModelUtils.runJobInTransaction(factory, s -> LinkStore.saveAll(
                s.getProvider(JpaConnectionProvider.class).getEntityManager(), realmId, target.id(), changes, runId,
                now));
    }

    /** Keycloak state access inside one transaction. */
    final class Reader {
        final KeycloakSession session;
        final RealmModel realm;
        final EntityManager em;

        Reader(KeycloakSession session, RealmModel realm, EntityManager em) {
            this.session = session;
            this.realm = realm;
            this.em = em;
        }

        TargetConfig target() {
            return target;
        }

        Snapshot.State user(org.keycloak.models.UserModel user, String id) {
            return SnapshotLoader.userState(session, em, realm, target, user, id);
        }

        Snapshot.State state(ResourceKind kind, String id) {
            return SnapshotLoader.state(session, em, realm, target, kind, id);
        }

        String userName(JsonNode remote) {
            return remote.path("userName").asText(null);
        }
    }
}
