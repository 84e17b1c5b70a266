package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.core.projection.Projection;
import dev.kcscim.server.auth.ScimAuth;
import dev.kcscim.server.auth.ScimCaller;
import dev.kcscim.server.query.Pages;
import dev.kcscim.server.user.SelfService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /Me} (RFC 7644 §3.11): the User of the access token's subject, for any client of the realm (public ones
 * included). GET returns it with {@code Location: .../Users/{id}}; PUT and PATCH change what the realm lets users
 * edit themselves (see {@link SelfService}) and need the account role {@code manage-account}; DELETE is 403
 * (deleting an account is an administrator's or the account console's job). Provisioning tokens and service
 * accounts have no User of their own: 403.
 */
public final class MeEndpoint extends EndpointSupport {

    private final SelfService self;

    MeEndpoint(KeycloakSession session) {
        super(session);
        this.self = new SelfService(session, realm, urls);
    }

    @GET
    public Response get(@QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        return call("GET", () -> {
            UserModel user = caller().adminAuth().getUser();
            Projection projection = Projection.parse(attributes, excluded);
            ObjectNode json = self.mapper().toJson(user, Pages.includes(projection, "groups"));
            return withLocation(projection.apply(json, self.mapper().schema()), user);
        });
    }

    @PUT
    public Response replace(String body, @QueryParam("attributes") String attributes,
                            @QueryParam("excludedAttributes") String excluded) {
        return call("PUT", () -> {
            ScimCaller caller = editor();
            UserModel user = caller.adminAuth().getUser();
            return withLocation(project(self.replace(user, objectBody(body), audit(caller)), attributes, excluded), user);
        });
    }

    @PATCH
    public Response patch(String body, @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excluded) {
        return call("PATCH", () -> {
            ScimCaller caller = editor();
            UserModel user = caller.adminAuth().getUser();
            PatchRequest request = PatchRequest.parse(body(body));
            return withLocation(project(self.patch(user, request, audit(caller)), attributes, excluded), user);
        });
    }

    @DELETE
    public Response delete() {
        return call("DELETE", () -> {
            caller();
            throw ScimException.forbidden("A user cannot delete their own account through /Me; ask an administrator");
        });
    }

    @POST
    public Response post() {
        return notAllowed("POST", "GET, PUT or PATCH /Me (users are created through /Users)");
    }

    private ScimCaller caller() {
        return ScimAuth.DEFAULT.requireSelf(session, realm,
                session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The caller of a write: like the account console, changing oneself needs {@code manage-account}. */
    private ScimCaller editor() {
        ScimCaller caller = caller();
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        RoleModel manage = account == null ? null : account.getRole(AccountRoles.MANAGE_ACCOUNT);
        if (manage == null || !caller.adminAuth().getUser().hasRole(manage)) {
            throw ScimException.forbidden("Changing your own user through /Me needs the account role manage-account");
        }
        return caller;
    }

    private ObjectNode project(ObjectNode json, String attributes, String excluded) {
        return Projection.parse(attributes, excluded).apply(json, self.mapper().schema());
    }

    private Response withLocation(ObjectNode json, UserModel user) {
        return Response.ok(json.toString(), dev.kcscim.core.ScimConstants.MEDIA_TYPE)
                .location(URI.create(urls.user(user.getId()))).build();
    }
}
