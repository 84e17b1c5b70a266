package dev.kcscim.server.auth;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.jpa.ProvisioningTokenEntity;
import dev.kcscim.server.token.ProvisioningTokens;
import dev.kcscim.server.token.TokenScope;
import dev.kcscim.server.token.TokenSecrets;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Accepts provisioning tokens (architecture.md "inbound auth" (b)): strings with the {@link TokenSecrets#PREFIX}
 * are looked up by their SHA-256 in this realm, on every request (revocation is immediate on every node). An
 * unknown, revoked or expired token is 401. The token acts for the admin who created it: that admin is the
 * identity of the admin events its writes emit, and the token stops working when that admin is deleted or
 * disabled (as Okta does with API tokens of deactivated admins), and it never does more than that admin may do
 * at the time of the request: reads need the admin's {@code view-users}, writes a {@code read-write} token and the
 * admin's {@code manage-users} (403 with the reason otherwise).
 */
final class ProvisioningTokenAuthenticator implements ScimAuthenticator {

    @Override
    public Optional<ScimCaller> authenticate(KeycloakSession session, RealmModel realm, String token) {
        if (!TokenSecrets.looksLikeToken(token)) {
            return Optional.empty();
        }
        ProvisioningTokens tokens = new ProvisioningTokens(session, realm);
        ProvisioningTokenEntity found = tokens.lookup(token).orElseThrow(() -> ScimException.unauthorized(
                "The provisioning token is unknown to this realm or has been revoked"));
        long now = System.currentTimeMillis();
        if (found.getExpiresAt() != null && found.getExpiresAt() <= now) {
            throw ScimException.unauthorized("The provisioning token '" + found.getName() + "' expired at "
                    + Instant.ofEpochMilli(found.getExpiresAt()));
        }
        AdminAuth creator = creator(session, found);
        tokens.touch(found, now);
        // a token never does more than its creator may do now (realm roles and fine-grained permissions)
        AdminPermissionEvaluator permissions = AdminPermissions.evaluator(session, realm, creator);
        boolean creatorWrites = permissions.users().canManage();
        boolean creatorReads = creatorWrites || permissions.users().canView();
        boolean writeScope = TokenScope.of(found.getScope()).map(TokenScope::canWrite).orElse(false);
        String name = "The provisioning token '" + found.getName() + "'";
        String denial = !creatorReads ? name + " acts for an admin who may no longer view users"
                : !writeScope ? name + " is read-only"
                : !creatorWrites ? name + " acts for an admin who may no longer manage users" : null;
        return Optional.of(new ScimCaller(creator, ScimCaller.Kind.PROVISIONING_TOKEN, creatorReads,
                writeScope && creatorWrites, InboundSource.token(found.getId()), denial));
    }

    private static AdminAuth creator(KeycloakSession session, ProvisioningTokenEntity token) {
        RealmModel realm = session.realms().getRealm(token.getCreatedByRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, token.getCreatedByUserId());
        ClientModel client = realm == null ? null : realm.getClientById(token.getCreatedByClientId());
        if (user == null || !user.isEnabled() || client == null) {
            throw ScimException.unauthorized("The provisioning token '" + token.getName() + "' can no longer be used: "
                    + "the admin account that created it no longer exists or is disabled; create a new token");
        }
        return new AdminAuth(realm, null, user, client);
    }
}
