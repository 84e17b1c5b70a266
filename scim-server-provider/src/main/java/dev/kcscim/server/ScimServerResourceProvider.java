package dev.kcscim.server;

import dev.kcscim.server.http.ScimRootResource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Per-request provider: hands the JAX-RS sub-resource for the realm in the session's context. */
final class ScimServerResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    ScimServerResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new ScimRootResource(session);
    }

    @Override
    public void close() {
    }
}
