package dev.kcscim.client.outbox;

import dev.kcscim.client.jpa.OutboxEntity;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.Targets;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Writes outbox rows through the session's EntityManager, that is, in the very transaction of the change: a
 * rolled-back change leaves no row, a committed one cannot lose its row. One row per enabled target of the realm.
 * The same change reported twice in one transaction (an admin event and a model event, say) is written once.
 * A change that came in through our inbound SCIM API is not written for the target marked as its source.
 * After the commit, and only then, the dispatcher is woken.
 */
public final class OutboxWriter {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);
    private static final String WRITTEN = OutboxWriter.class.getName() + ".written";
    /**
     * The session attribute our inbound SCIM API sets on a request it serves: {@code token:<provisioningTokenId>}
     * or {@code client:<clientId>}. Read by name only, so this module does not depend on the server module.
     */
    public static final String INBOUND_SOURCE = "dev.kcscim.inbound.source";

    private final Runnable wake;

    public OutboxWriter(Runnable wake) {
        this.wake = wake;
    }

    /** Records a change of {@code kind}/{@code resourceId} for every enabled target of {@code realm}. */
    public void record(KeycloakSession session, RealmModel realm, ResourceKind kind, String resourceId, Operation op,
            String details) {
        record(session, realm, kind, resourceId, op, details, target -> true);
    }

    /**
     * Records a change for the enabled targets of {@code realm} that {@code which} accepts, except a target marked
     * as the inbound source the change came from ({@link #INBOUND_SOURCE}): pushing it back would echo.
     */
    public void record(KeycloakSession session, RealmModel realm, ResourceKind kind, String resourceId, Operation op,
            String details, Predicate<TargetConfig> which) {
        if (realm == null || resourceId == null || resourceId.isBlank()) {
            return;
        }
        String source = inboundSource(session);
        List<TargetConfig> targets = Targets.enabled(realm).stream().filter(which)
                .filter(target -> !echoes(target, source)).collect(Collectors.toList());
        if (targets.isEmpty()) {
            return;
        }
        Set<String> written = written(session);
        String key = realm.getId() + '|' + kind + '|' + resourceId + '|' + op + '|' + details + '|';
        targets.removeIf(target -> !written.add(key + target.id()));
        if (targets.isEmpty()) {
            return;
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long now = Time.currentTimeMillis();
        for (TargetConfig target : targets) {
            OutboxEntity row = new OutboxEntity();
            row.setRealmId(realm.getId());
            row.setTargetId(target.id());
            row.setResourceType(kind.name());
            row.setResourceId(resourceId);
            row.setOperation(op.name());
            row.setDetails(details);
            row.setStatus(OutboxStatus.PENDING.name());
            row.setAttempts(0);
            row.setCreatedAt(now);
            row.setNextAttemptAt(now);
            em.persist(row);
        }
        LOG.debugf("outbox: realm %s %s %s %s queued for %d target(s)", realm.getId(), op, kind, resourceId,
                targets.size());
    }

    /** Whether a change from {@code source} must not go to {@code target}, the very same source. */
    static boolean echoes(TargetConfig target, String source) {
        return source != null && target.source() != null && target.source().equals(source);
    }

    /** The inbound source of this session's change ({@code token:<id>} or {@code client:<clientId>}), or null. */
    static String inboundSource(KeycloakSession session) {
        Object value = session.getAttribute(INBOUND_SOURCE);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    @SuppressWarnings("unchecked")
    private Set<String> written(KeycloakSession session) {
        Object existing = session.getAttribute(WRITTEN);
        if (existing instanceof Set) {
            return (Set<String>) existing;
        }
        Set<String> set = new HashSet<>();
        session.setAttribute(WRITTEN, set);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    wake.run();
                } catch (RuntimeException e) {
                    // Never fail a committed request over a wake-up: the periodic tick delivers anyway
                    LOG.debugf(e, "outbox: wake-up after commit failed");
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
        return set;
    }
}
