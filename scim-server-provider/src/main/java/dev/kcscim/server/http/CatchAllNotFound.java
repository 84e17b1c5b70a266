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
 * A sub-resource that answers every method and path with a SCIM 404 (RFC 7644 §3.12), before any authentication:
 * an API that is not there looks like no API at all. Subclasses give the error's detail.
 */
public abstract class CatchAllNotFound {

    protected final KeycloakSession session;

    protected CatchAllNotFound(KeycloakSession session) {
        this.session = session;
    }

    /** The 404's {@code detail} for {@code method} on {@code path}. */
    protected abstract String detail(String method, String path);

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
        return ScimErrors.toResponse(session, method, path, ScimException.notFound(detail(method, path)));
    }
}
