package dev.kcscim.server.auth;

import dev.kcscim.core.error.ScimException;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Authenticates and authorises a SCIM request (RFC 7644 §2): the {@code Authorization: Bearer} token must be
 * accepted by one of the authenticators (401 otherwise) and the caller must hold the right for the
 * operation (403 otherwise). A second authenticator (provisioning tokens) is added to {@link #DEFAULT}.
 */
public final class ScimAuth {

    /** Authenticators tried in order. */
    public static final ScimAuth DEFAULT = new ScimAuth(List.of(new AccessTokenAuthenticator()));

    private static final String BEARER = "bearer ";

    private final List<ScimAuthenticator> authenticators;

    public ScimAuth(List<ScimAuthenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    /** The caller of a read; 401 without a valid token, 403 without {@code view-users}. */
    public ScimCaller requireRead(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = authenticate(session, realm, authorization);
        if (!caller.canRead()) {
            throw ScimException.forbidden("The caller lacks the realm-management role view-users");
        }
        return caller;
    }

    /** The caller of a write; 401 without a valid token, 403 without {@code manage-users}. */
    public ScimCaller requireWrite(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = authenticate(session, realm, authorization);
        if (!caller.canWrite()) {
            throw ScimException.forbidden("The caller lacks the realm-management role manage-users");
        }
        return caller;
    }

    private ScimCaller authenticate(KeycloakSession session, RealmModel realm, String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ScimException.unauthorized("A bearer token is required (Authorization: Bearer <token>)");
        }
        String token = authorization.substring(BEARER.length()).trim();
        for (ScimAuthenticator authenticator : authenticators) {
            Optional<ScimCaller> caller = authenticator.authenticate(session, realm, token);
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        throw ScimException.unauthorized("The bearer token is invalid, expired, or not issued by this realm");
    }
}
