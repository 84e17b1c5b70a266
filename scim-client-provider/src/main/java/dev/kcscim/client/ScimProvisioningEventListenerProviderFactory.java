package dev.kcscim.client;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The outbound provisioning change capture. It is global ({@link #isGlobal()}), so every realm's admin and
 * user events reach it without any per-realm listener configuration. Capture and delivery arrive with the
 * outbound issues; until then the listener observes nothing.
 */
public final class ScimProvisioningEventListenerProviderFactory implements EventListenerProviderFactory {

    /** Provider id, as listed under {@code eventsListener} in the server info. */
    public static final String PROVIDER_ID = "scim-provisioning";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ScimProvisioningEventListenerProvider();
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
