package dev.kcscim.server.token;

import dev.kcscim.server.jpa.ProvisioningTokenEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The provisioning tokens of one realm, in the request's database transaction. Nothing is cached across requests:
 * every authentication reads the row by the secret's hash, so a revocation (row deleted) is seen by the next request
 * on every node. {@code lastUsed} is written at most once per {@link #LAST_USED_RESOLUTION_MILLIS}, so steady
 * traffic does not turn every read into a write.
 */
public final class ProvisioningTokens {

    /** How stale {@code lastUsed} may be. */
    public static final long LAST_USED_RESOLUTION_MILLIS = 60_000;

    /** A token just created, with its secret (never retrievable again). */
    public record Created(ProvisioningTokenEntity token, String secret) {
    }

    private final EntityManager em;
    private final RealmModel realm;

    public ProvisioningTokens(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realm = realm;
    }

    /** Creates a realm token acting for {@code creator} (the admin calling the admin API). */
    public Created create(String name, TokenScope scope, Long expiresAt, AdminAuth creator) {
        return create(name, scope, expiresAt, creator, null);
    }

    /** Creates a token acting for {@code creator}, bound to the organization {@code organizationId} unless null. */
    public Created create(String name, TokenScope scope, Long expiresAt, AdminAuth creator, String organizationId) {
        String secret = TokenSecrets.generate();
        ProvisioningTokenEntity token = new ProvisioningTokenEntity();
        token.setId(UUID.randomUUID().toString());
        token.setRealmId(realm.getId());
        token.setName(name);
        token.setPrefix(TokenSecrets.shown(secret));
        token.setSecretHash(TokenSecrets.hash(secret));
        token.setScope(scope.wire());
        token.setCreatedAt(System.currentTimeMillis());
        token.setCreatedByRealmId(creator.getRealm().getId());
        token.setCreatedByUserId(creator.getUser().getId());
        token.setCreatedByClientId(creator.getClient().getId());
        token.setCreatedByUsername(creator.getUser().getUsername());
        token.setExpiresAt(expiresAt);
        token.setOrganizationId(organizationId);
        em.persist(token);
        em.flush();
        return new Created(token, secret);
    }

    public List<ProvisioningTokenEntity> list() {
        return em.createQuery("select t from ProvisioningTokenEntity t where t.realmId = :realm order by t.createdAt, t.id",
                        ProvisioningTokenEntity.class)
                .setParameter("realm", realm.getId())
                .getResultList();
    }

    public Optional<ProvisioningTokenEntity> find(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        ProvisioningTokenEntity token = em.find(ProvisioningTokenEntity.class, id);
        return token != null && token.getRealmId().equals(realm.getId()) ? Optional.of(token) : Optional.empty();
    }

    public boolean nameTaken(String name) {
        return !em.createQuery("select t.id from ProvisioningTokenEntity t where t.realmId = :realm and t.name = :name", String.class)
                .setParameter("realm", realm.getId()).setParameter("name", name).setMaxResults(1).getResultList().isEmpty();
    }

    /** Revokes (deletes) a token; false when this realm has no such token. */
    public boolean revoke(String id) {
        Optional<ProvisioningTokenEntity> token = find(id);
        token.ifPresent(em::remove);
        em.flush();
        return token.isPresent();
    }

    /** The realm's token whose secret is {@code secret}, expired or not; empty for anything else. */
    public Optional<ProvisioningTokenEntity> lookup(String secret) {
        if (!TokenSecrets.looksLikeToken(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        List<ProvisioningTokenEntity> found = em.createQuery(
                        "select t from ProvisioningTokenEntity t where t.secretHash = :hash", ProvisioningTokenEntity.class)
                .setParameter("hash", hash).getResultList();
        // The lookup is by hash, so its timing tells nothing about the secret; the comparison is constant-time anyway
        return found.stream()
                .filter(token -> TokenSecrets.sameHash(token.getSecretHash(), hash))
                .filter(token -> token.getRealmId().equals(realm.getId()))
                .findFirst();
    }

    /** Records a use at {@code now}, unless the recorded one is recent enough. */
    public void touch(ProvisioningTokenEntity token, long now) {
        Long last = token.getLastUsedAt();
        if (last == null || now - last >= LAST_USED_RESOLUTION_MILLIS) {
            token.setLastUsedAt(now);
        }
    }

    /** Deletes every token of a removed realm. */
    public static void removeRealm(EntityManager em, String realmId) {
        em.createQuery("delete from ProvisioningTokenEntity t where t.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }
}
