package dev.kcscim.server.auth;

import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Accepts Keycloak access tokens of the same realm (signature, issuer, expiry, revocation and session are
 * checked by {@link AppAuthManager.BearerTokenAuthenticator}); tokens issued to public clients are refused
 * because SCIM is server-to-server and such tokens can be obtained by any browser user.
 */
final class AccessTokenAuthenticator implements ScimAuthenticator {

    @Override
    public Optional<ScimCaller> authenticate(KeycloakSession session, RealmModel realm, String token) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session)
                    .setRealm(realm)
                    .setTokenString(token)
                    .authenticate();
        } catch (RuntimeException malformed) {
            // a token that cannot even be parsed is simply not ours; the caller answers 401
            return Optional.empty();
        }
        if (result == null || result.user() == null) {
            return Optional.empty();
        }
        ClientModel client = result.client();
        if (client == null || client.isPublicClient()) {
            return Optional.empty();
        }
        AdminAuth auth = new AdminAuth(realm, result.token(), result.user(), client);
        return Optional.of(ScimCaller.of(auth, AdminPermissions.evaluator(session, realm, auth)));
    }
}
