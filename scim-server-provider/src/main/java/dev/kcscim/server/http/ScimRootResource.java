package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.server.query.ScimLimits;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.server.org.OrgContext;
import dev.kcscim.server.ui.AdminUiResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * Routes {@code /realms/{realm}/scim-provisioning/v2/...}: the ServiceProviderConfig (RFC 7643 §5),
 * {@code /Schemas} and {@code /ResourceTypes} (no authentication), {@code /Users}, {@code /Groups}, {@code /Me},
 * {@code /.search} and {@code /Bulk}; any other path is a SCIM 404.
 */
public final class ScimRootResource extends CatchAllNotFound {

    public ScimRootResource(KeycloakSession session) {
        super(session);
    }

    /** RFC 7644 §4: the service provider's configuration; readable without authentication. */
    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_SERVICE_PROVIDER_CONFIG)
    public Response serviceProviderConfig() {
        URI location = session.getContext().getUri().getAbsolutePath();
        ObjectNode body = ServiceProviderConfigDocument.of(ScimLimits.current(), location.toString());
        return Response.ok(body.toString(), ScimConstants.MEDIA_TYPE).build();
    }

    /** RFC 7644 §4: the schemas of the served resource types. */
    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_SCHEMAS)
    public Response schemas() {
        return discovery("GET", () -> new DiscoveryEndpoint(session).schemas());
    }

    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_SCHEMAS + "/{urn}")
    public Response schema(@PathParam("urn") String urn) {
        return discovery("GET", () -> new DiscoveryEndpoint(session).schema(urn));
    }

    /** RFC 7644 §4: the served resource types. */
    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_RESOURCE_TYPES)
    public Response resourceTypes() {
        return discovery("GET", () -> new DiscoveryEndpoint(session).resourceTypes());
    }

    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_RESOURCE_TYPES + "/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return discovery("GET", () -> new DiscoveryEndpoint(session).resourceType(name));
    }

    @Path("v2/" + ScimConstants.ENDPOINT_USERS)
    public UsersEndpoint users() {
        return new UsersEndpoint(session);
    }

    @Path("v2/" + ScimConstants.ENDPOINT_GROUPS)
    public GroupsEndpoint groups() {
        return new GroupsEndpoint(session);
    }

    /** RFC 7644 §3.11: the authenticated user's own User. */
    @Path("v2/" + ScimConstants.ENDPOINT_ME)
    public MeEndpoint me() {
        return new MeEndpoint(session);
    }

    /** RFC 7644 §3.4.3: a search over every resource type (Users, then Groups). */
    @POST
    @Path("v2/.search")
    public Response search(String body) {
        return new SearchEndpoint(session).search(body);
    }

    /** RFC 7644 §3.7: many operations in one request, each in its own transaction. */
    @Path("v2/" + ScimConstants.ENDPOINT_BULK)
    public BulkEndpoint bulk() {
        return new BulkEndpoint(session);
    }

    /**
     * An organization's own SCIM API, {@code organizations/{alias}/v2/...}: the same resources, scoped to that
     * organization by {@link OrgContext} (its members, its groups, its tokens only); a SCIM 404 for every path when
     * organizations are off, the alias is unknown or the organization is disabled.
     */
    @Path("organizations/{alias}")
    public Object organization(@PathParam("alias") String alias) {
        OrganizationModel organization = OrgContext.current(session) != null ? null : OrgContext.resolve(session, alias);
        if (organization == null) {
            return new OrgNotFoundResource(session);
        }
        OrgContext.enter(session, organization);
        return new ScimRootResource(session);
    }

    /** The admin pages (HTML, scripts, styles); see {@code dev.kcscim.server.ui}; not under an organization's URL. */
    @Path("admin-ui")
    public Object adminUi() {
        return OrgContext.current(session) != null ? new OrgNotFoundResource(session) : new AdminUiResource(session);
    }

    private Response discovery(String method, java.util.function.Supplier<ObjectNode> body) {
        try {
            return Response.ok(body.get().toString(), ScimConstants.MEDIA_TYPE).build();
        } catch (RuntimeException e) {
            return ScimErrors.toResponse(session, method, session.getContext().getUri().getPath(), e);
        }
    }

    @Override
    protected String detail(String method, String path) {
        return "No SCIM endpoint at " + path;
    }

}
