package dev.kcscim.server.auth;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.jpa.ProvisioningTokenEntity;
import dev.kcscim.server.org.OrgContext;
import dev.kcscim.server.token.ProvisioningTokens;
import dev.kcscim.server.token.TokenScope;
import dev.kcscim.server.token.TokenSecrets;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Accepts provisioning tokens (architecture.md "inbound auth" (b)): strings with the {@link TokenSecrets#PREFIX}
 * are looked up by their SHA-256 in this realm, on every request (revocation is immediate on every node). An
 * unknown, revoked or expired token is 401. The token acts for the admin who created it: that admin is the
 * identity of the admin events its writes emit, and the token stops working when that admin is deleted or
 * disabled (as Okta does with API tokens of deactivated admins), and it never does more than that admin may do
 * at the time of the request: reads need the admin's {@code view-users}, writes a {@code read-write} token and the
 * admin's {@code manage-users} (403 with the reason otherwise). These are checked as admin roles held by the
 * account; fine-grained admin permissions are not evaluated for provisioning tokens (they need an access token).
 * A token bound to an organization is accepted only on that organization's base URL ({@link OrgContext}), and a
 * realm token only on the realm's: anything else is 401, so one tenant's token never reaches another's data.
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
        String organization = OrgContext.id(session);
        if (!java.util.Objects.equals(organization, found.getOrganizationId())) {
            // an organization's token works on that organization's URL only, a realm token on the realm URL only
            throw ScimException.unauthorized(found.getOrganizationId() == null
                    ? "The provisioning token '" + found.getName() + "' is a realm token; it is not valid for this "
                    + "organization's SCIM endpoint"
                    : "The provisioning token '" + found.getName() + "' belongs to an organization and is valid only "
                    + "on that organization's SCIM endpoint");
        }
        AdminAuth creator = creator(session, found);
        tokens.touch(found, now);
        // a token never does more than its creator may do now; Keycloak's permission evaluator needs the admin's own
        // access token, which a provisioning token request does not have, so the admin roles are read from the model
        boolean creatorWrites = holds(realm, creator, AdminRoles.MANAGE_USERS);
        boolean creatorReads = creatorWrites || holds(realm, creator, AdminRoles.VIEW_USERS);
        boolean writeScope = TokenScope.of(found.getScope()).map(TokenScope::canWrite).orElse(false);
        String name = "The provisioning token '" + found.getName() + "'";
        String denial = !creatorReads ? name + " acts for an admin who may no longer view users"
                : !writeScope ? name + " is read-only"
                : !creatorWrites ? name + " acts for an admin who may no longer manage users" : null;
        return Optional.of(new ScimCaller(creator, ScimCaller.Kind.PROVISIONING_TOKEN, creatorReads,
                writeScope && creatorWrites, InboundSource.token(found.getId()), denial));
    }

    /**
     * Whether the admin holds the admin role {@code role} for {@code realm}: a {@code realm-management} role for
     * an admin of the realm itself, a role of the realm's client {@code <realm>-realm} for a master realm admin
     * (composites such as {@code realm-admin} and the master {@code admin} role included).
     */
    private static boolean holds(RealmModel realm, AdminAuth admin, String role) {
        ClientModel roles = admin.getRealm().getId().equals(realm.getId())
                ? realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)
                : Config.getAdminRealm().equals(admin.getRealm().getName()) ? realm.getMasterAdminClient() : null;
        RoleModel model = roles == null ? null : roles.getRole(role);
        return model != null && admin.getUser().hasRole(model);
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
