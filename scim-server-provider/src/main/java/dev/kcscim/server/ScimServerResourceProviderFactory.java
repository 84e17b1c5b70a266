package dev.kcscim.server;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the inbound SCIM 2.0 service provider of each realm at {@code /realms/{realm}/scim-provisioning}.
 * The id is deliberately not {@code scim}: that one belongs to Keycloak's own preview SCIM API.
 */
public final class ScimServerResourceProviderFactory implements RealmResourceProviderFactory {

    /** Realm resource id, and so the URL segment after {@code /realms/{realm}/}. */
    public static final String PROVIDER_ID = "scim-provisioning";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ScimServerResourceProvider(session);
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
