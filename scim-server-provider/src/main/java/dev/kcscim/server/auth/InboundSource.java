package dev.kcscim.server.auth;

import org.keycloak.models.KeycloakSession;

/**
 * Who made the inbound SCIM change the current request is making: set as the {@link KeycloakSession} attribute
 * {@link #ATTRIBUTE} on every authenticated SCIM request, so the outbound side can tell changes that arrived by
 * SCIM from elsewhere (loop prevention). Values are {@code token:<provisioning token id>} or
 * {@code client:<clientId>} (the OAuth client of an access token).
 */
public final class InboundSource {

    /** Session attribute name. */
    public static final String ATTRIBUTE = "dev.kcscim.inbound.source";
    public static final String TOKEN = "token:";
    public static final String CLIENT = "client:";

    private InboundSource() {
    }

    public static String token(String provisioningTokenId) {
        return TOKEN + provisioningTokenId;
    }

    public static String client(String clientId) {
        return CLIENT + clientId;
    }

    /** The source of the request in {@code session}, or null when it is not an authenticated SCIM request. */
    public static String of(KeycloakSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof String source ? source : null;
    }

    static void set(KeycloakSession session, String source) {
        session.setAttribute(ATTRIBUTE, source);
    }
}
