package dev.kcscim.server.http;

import dev.kcscim.core.error.ScimException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * What {@code /realms/{realm}/scim-provisioning/...} is while the realm's SCIM API is switched off
 * ({@link dev.kcscim.server.settings.InboundSettings}): a SCIM 404 (RFC 7644 §3.12) for every method and path,
 * before any authentication, so the switched-off API looks like no API at all. Only the admin pages
 * ({@code admin-ui/}) stay, since they are where the API is switched on.
 */
public final class ScimDisabledResource {

    private static final Logger LOG = Logger.getLogger(ScimDisabledResource.class);

    private final KeycloakSession session;

    public ScimDisabledResource(KeycloakSession session) {
        this.session = session;
    }

    /** The admin pages stay reachable: they are where an admin switches the SCIM API on. */
    @Path("admin-ui")
    public dev.kcscim.server.ui.AdminUiResource adminUi() {
        return new dev.kcscim.server.ui.AdminUiResource(session);
    }

    @GET
    @Path("{path: .*}")
    public Response get() {
        return notFound("GET");
    }

    @POST
    @Path("{path: .*}")
    public Response post() {
        return notFound("POST");
    }

    @PUT
    @Path("{path: .*}")
    public Response put() {
        return notFound("PUT");
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch() {
        return notFound("PATCH");
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return notFound("DELETE");
    }

    private Response notFound(String method) {
        String path = session.getContext().getUri().getPath();
        // the same answer as for a path that does not exist, so the switched-off API reveals nothing
        LOG.debugf("SCIM %s %s: the SCIM API of realm %s is switched off", method, path,
                session.getContext().getRealm().getName());
        return ScimErrors.toResponse(session, method, path, ScimException.notFound("No SCIM endpoint at " + path));
    }
}
