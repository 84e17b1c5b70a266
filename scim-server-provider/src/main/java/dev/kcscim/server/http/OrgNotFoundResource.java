package dev.kcscim.server.http;

import dev.kcscim.core.error.ScimException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * What {@code /realms/{realm}/scim-provisioning/organizations/{alias}/...} is when the realm has organizations
 * switched off, no enabled organization has that alias, or the path nests organizations: a SCIM 404 (RFC 7644
 * §3.12) for every method and path, before any authentication, so it tells nothing about which aliases exist.
 */
final class OrgNotFoundResource {

    private final KeycloakSession session;

    OrgNotFoundResource(KeycloakSession session) {
        this.session = session;
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
        return ScimErrors.toResponse(session, method, path, ScimException.notFound("No SCIM endpoint at " + path
                + ": the realm has no enabled organization with this alias, or organizations are disabled"));
    }
}
