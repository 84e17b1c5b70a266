package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.projection.Projection;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.server.auth.ScimCaller;
import dev.kcscim.server.group.GroupQuery;
import dev.kcscim.server.group.GroupService;
import dev.kcscim.server.query.ListQuery;
import dev.kcscim.server.query.Pages;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /Groups} (RFC 7644 §3.2-§3.6). A PATCH answers 204 (RFC 7644 §3.5.2) unless {@code attributes} or
 * {@code excludedAttributes} ask for the resource, so membership changes never read the member list.
 */
public final class GroupsEndpoint extends EndpointSupport {

    private final GroupService groups;

    GroupsEndpoint(KeycloakSession session) {
        super(session);
        this.groups = new GroupService(session, realm, urls);
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
                         @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") String startIndex,
                         @QueryParam("count") String count, @QueryParam("attributes") String attributes,
                         @QueryParam("excludedAttributes") String excludedAttributes, @QueryParam("cursor") String cursor) {
        return call("GET", () -> {
            reader();
            ListQuery query = ListQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, cursorParam(cursor));
            return ok(new GroupQuery(session, realm, groups.mapper()).run(query));
        });
    }

    @POST
    @Path(".search")
    public Response search(String body) {
        return call("POST", () -> {
            reader();
            return ok(new GroupQuery(session, realm, groups.mapper()).run(ListQuery.of(body(body))));
        });
    }

    @POST
    public Response create(String body, @QueryParam("attributes") String attributes,
                           @QueryParam("excludedAttributes") String excluded) {
        return call("POST", () -> {
            ScimCaller caller = writer();
            ObjectNode json = groups.create(objectBody(body), audit(caller));
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
            ObjectNode json = groups.get(id, Pages.includes(projection, "members"));
            String version = ETags.of(json);
            if (unchangedFor(version)) {
                return notModified(version);
            }
            return ok(projection.apply(json, CoreSchemas.GROUP_RESOURCE), version);
        });
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
                            @QueryParam("excludedAttributes") String excluded) {
        return call("PUT", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> groups.mapper().version(groups.find(id)), "group " + id);
            ObjectNode json = groups.replace(id, objectBody(body), audit(caller));
            return ok(project(json, attributes, excluded), ETags.of(json));
        });
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excluded) {
        return call("PATCH", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> groups.mapper().version(groups.find(id)), "group " + id);
            PatchRequest request = PatchRequest.parse(body(body));
            GroupModel group = groups.patch(id, request, audit(caller));
            if (attributes == null && excluded == null) {
                return Response.noContent().header(ETags.ETAG, groups.mapper().version(groups.find(id))).build();
            }
            Projection projection = Projection.parse(attributes, excluded);
            ObjectNode json = groups.mapper().toJson(group, Pages.includes(projection, "members"));
            return ok(projection.apply(json, CoreSchemas.GROUP_RESOURCE), ETags.of(json));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return call("DELETE", () -> {
            ScimCaller caller = writer();
            requireIfMatch(() -> groups.mapper().version(groups.find(id)), "group " + id);
            groups.delete(id, audit(caller));
            return Response.noContent().build();
        });
    }

    @PUT
    public Response putCollection() {
        return notAllowed("PUT", "PUT /Groups/{id}");
    }

    @PATCH
    public Response patchCollection() {
        return notAllowed("PATCH", "PATCH /Groups/{id}");
    }

    @DELETE
    public Response deleteCollection() {
        return notAllowed("DELETE", "DELETE /Groups/{id}");
    }

    @POST
    @Path("{id}")
    public Response postResource() {
        return notAllowed("POST", "POST /Groups or PUT/PATCH /Groups/{id}");
    }

    private static ObjectNode project(ObjectNode json, String attributes, String excluded) {
        return Projection.parse(attributes, excluded).apply(json, CoreSchemas.GROUP_RESOURCE);
    }
}
