package dev.kcscim.server.auth;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.org.OrgContext;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Authenticates and authorises a SCIM request (RFC 7644 §2): the {@code Authorization: Bearer} token must be
 * accepted by one of the authenticators (401 otherwise) and the caller must hold the right for the
 * operation (403 otherwise). Provisioning tokens are tried first (they are recognised by their prefix, so an
 * access token never reaches their database lookup). Every authenticated request records its
 * {@link InboundSource} in the session and takes one request from that source's {@link RateLimiter} bucket
 * (429 with {@code Retry-After} when it is empty). An organization's endpoint ({@link OrgContext}) accepts only
 * provisioning tokens of that organization (401 for access tokens and other tokens).
 */
public final class ScimAuth {

    /** Authenticators tried in order. */
    public static final ScimAuth DEFAULT = new ScimAuth(List.of(new ProvisioningTokenAuthenticator(), new AccessTokenAuthenticator()));

    private static final String BEARER = "bearer ";

    private final List<ScimAuthenticator> authenticators;

    public ScimAuth(List<ScimAuthenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    /** The caller of a read; 401 without a valid token, 403 without {@code view-users}. */
    public ScimCaller requireRead(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = provisioner(session, realm, authorization);
        if (!caller.canRead()) {
            throw ScimException.forbidden(caller.denial() != null ? caller.denial()
                    : "The caller lacks the realm-management role view-users");
        }
        return caller;
    }

    /** The caller of a write; 401 without a valid token, 403 without {@code manage-users} or with a read-only token. */
    public ScimCaller requireWrite(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = provisioner(session, realm, authorization);
        if (!caller.canWrite()) {
            throw ScimException.forbidden(caller.denial() != null ? caller.denial()
                    : "The caller lacks the realm-management role manage-users");
        }
        return caller;
    }

    /**
     * The caller of {@code /Me} (RFC 7644 §3.11): any access token of the realm whose subject is a person, public
     * clients included; 403 for provisioning tokens and service accounts, which have no SCIM User of their own.
     */
    public ScimCaller requireSelf(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = authenticate(session, realm, authorization);
        if (caller.kind() == ScimCaller.Kind.PROVISIONING_TOKEN) {
            throw ScimException.forbidden("/Me needs a user's own access token; a provisioning token has no SCIM User "
                    + "(use /Users)");
        }
        if (caller.isServiceAccount()) {
            throw ScimException.forbidden("/Me needs a user's own access token; the token's subject is the service "
                    + "account of client '" + caller.adminAuth().getClient().getClientId() + "', which is not a SCIM User "
                    + "(use /Users)");
        }
        return caller;
    }

    /** A caller allowed on /Users, /Groups and the like: public-client tokens are 401 there. */
    private ScimCaller provisioner(KeycloakSession session, RealmModel realm, String authorization) {
        ScimCaller caller = authenticate(session, realm, authorization);
        if (caller.kind() == ScimCaller.Kind.PUBLIC_CLIENT) {
            throw ScimException.unauthorized("Tokens of public clients are accepted by /Me only; use a confidential "
                    + "client's token or a provisioning token");
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
                if (OrgContext.current(session) != null && caller.get().kind() != ScimCaller.Kind.PROVISIONING_TOKEN) {
                    throw ScimException.unauthorized("An organization's SCIM endpoint accepts only that organization's "
                            + "provisioning tokens; use the realm endpoint with an access token");
                }
                InboundSource.set(session, caller.get().source());
                RateLimiter.current().acquire(realm.getId(), caller.get().source());
                return caller.get();
            }
        }
        throw ScimException.unauthorized("The bearer token is invalid, expired, or not issued by this realm");
    }
}
