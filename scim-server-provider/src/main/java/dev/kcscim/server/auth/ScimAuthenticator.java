package dev.kcscim.server.auth;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One way of recognising a bearer token sent to the SCIM endpoints. Implementations return empty for a
 * token they do not recognise, so several can be tried in turn (provisioning tokens, then Keycloak access
 * tokens). An authenticator that recognises a token but refuses it (expired, revoked) throws a 401
 * {@code ScimException} with the reason.
 */
public interface ScimAuthenticator {

    /** The caller {@code token} identifies in {@code realm}, or empty when this authenticator rejects it. */
    Optional<ScimCaller> authenticate(KeycloakSession session, RealmModel realm, String token);
}
