package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.projection.Projection;
import dev.kcscim.server.auth.ScimCaller;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import dev.kcscim.server.user.UserQuery;
import dev.kcscim.server.user.UserService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/** {@code /Users} (RFC 7644 §3.2-§3.6): reads need {@code view-users}, writes {@code manage-users}. */
public final class UsersEndpoint extends EndpointSupport {

    private final UserService users;

    UsersEndpoint(KeycloakSession session) {
        super(session);
        this.users = new UserService(session, realm, urls);
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
                         @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
                         @QueryParam("count") String count, @QueryParam("attributes") String attributes,
                         @QueryParam("excludedAttributes") String excludedAttributes, @QueryParam("cursor") String cursor) {
        return call("GET", () -> {
            reader();
            ListQuery query = ListQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, cursorParam(cursor));
            return ok(new UserQuery(session, realm, users.mapper()).run(query));
        });
    }

    @POST
    @Path(".search")
    public Response search(String body) {
        return call("POST", () -> {
            reader();
            return ok(new UserQuery(session, realm, users.mapper()).run(ListQuery.of(body(body))));
        });
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
                           @QueryParam("excludedAttributes") String excluded) {
        return call("POST", () -> {
            ScimCaller caller = writer();
            ObjectNode json = users.create(objectBody(body), audit(caller));
            return created(project(json, attributes, excluded), json.path("meta").path("location").asText(), ETags.of(json));
        });
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded) {
        return call("GET", () -> {
            reader();
            Projection projection = Projection.parse(attributes, excluded);
            ObjectNode json = users.get(id, Pages.includes(projection, "groups"));
            String version = ETags.of(json);
            if (unchangedFor(version)) {
                return notModified(version);
            }
            return ok(projection.apply(json, users.mapper().schema()), version);
        });
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
                            @QueryParam("excludedAttributes") String excluded) {
        return call("PUT", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> ETags.of(users.get(id, true)), "user " + id);
            ObjectNode json = users.replace(id, objectBody(body), audit(caller));
            return ok(project(json, attributes, excluded), ETags.of(json));
        });
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excluded) {
        return call("PATCH", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> ETags.of(users.get(id, true)), "user " + id);
            PatchRequest request = PatchRequest.parse(body(body));
            ObjectNode json = users.patch(id, request, audit(caller));
            return ok(project(json, attributes, excluded), ETags.of(json));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return call("DELETE", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> ETags.of(users.get(id, true)), "user " + id);
            users.delete(id, audit(caller));
            return Response.noContent().build();
        });
    }

    @PUT
    public Response putCollection() {
        return notAllowed("PUT", "PUT /Users/{id}");
    }

    @PATCH
    public Response patchCollection() {
        return notAllowed("PATCH", "PATCH /Users/{id}");
    }

    @DELETE
    public Response deleteCollection() {
        return notAllowed("DELETE", "DELETE /Users/{id}");
    }

    @POST
    @Path("{id}")
    public Response postResource() {
        return notAllowed("POST", "POST /Users or PUT/PATCH /Users/{id}");
    }

    private ObjectNode project(ObjectNode json, String attributes, String excluded) {
        return Projection.parse(attributes, excluded).apply(json, users.mapper().schema());
    }
}
