package dev.kcscim.server;

import dev.kcscim.server.http.ScimDisabledResource;
import dev.kcscim.server.http.ScimRootResource;
import dev.kcscim.server.settings.InboundSettings;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Per-request provider: hands the JAX-RS sub-resource for the realm in the session's context. */
final class ScimServerResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ScimServerResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    /** The SCIM API, or a resource that answers SCIM 404s while the realm has it switched off. */
    @Override
    public Object getResource() {
        if (!InboundSettings.isEnabled(session.getContext().getRealm())) {
            return new ScimDisabledResource(session);
        }
        return new ScimRootResource(session);
    }

    @Override
    public void close() {
    }
}
