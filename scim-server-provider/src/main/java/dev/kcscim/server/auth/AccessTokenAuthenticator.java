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
 * checked by {@link AppAuthManager.BearerTokenAuthenticator}). Tokens issued to public clients are marked as such:
 * {@link ScimAuth} accepts them for {@code /Me} only, because {@code /Users} and {@code /Groups} are
 * server-to-server and a public client's token can be obtained by any browser user.
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
        if (result == null || result.user() == null || result.client() == null) {
            return Optional.empty();
        }
        ClientModel client = result.client();
        AdminAuth auth = new AdminAuth(realm, result.token(), result.user(), client);
        return Optional.of(ScimCaller.of(auth, AdminPermissions.evaluator(session, realm, auth), client.isPublicClient()));
    }
}
