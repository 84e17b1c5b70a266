package dev.kcscim.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.user.UserSchemas;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/user-extension}: the realm's custom SCIM user schema extension
 * (see {@link dev.kcscim.server.user.CustomExtension} for the JSON shape). GET returns it (404 when none is
 * defined), PUT validates and stores it (400 with the reason when invalid), DELETE removes it. Reads need
 * {@code view-realm}, writes {@code manage-realm}; writes emit admin events.
 */
public final class UserExtensionResource {

    private static final Logger LOG = Logger.getLogger(UserExtensionResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public UserExtensionResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.realm().requireViewRealm();
        return AdminJson.ok(UserSchemas.get(realm).orElseThrow(() -> AdminJson.notFound("SCIM user extension")));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(String body) {
        auth.realm().requireManageRealm();
        JsonNode definition;
        try {
            definition = body == null || body.isBlank() ? null : AdminJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw AdminJson.badRequest("The body is not valid JSON");
        }
        if (definition == null || !definition.isObject()) {
            throw AdminJson.badRequest("The body must be a JSON object: the extension schema with its attributes");
        }
        try {
            UserSchemas.put(realm, definition);
        } catch (ScimException e) {
            throw AdminJson.badRequest("Invalid user extension: " + e.detail());
        } catch (RuntimeException e) {
            throw AdminJson.badRequest("Invalid user extension: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        JsonNode stored = UserSchemas.get(realm).orElseThrow();
        AdminAudit.send(session, realm, auth, AdminAudit.CONFIG, OperationType.UPDATE, stored, "user-extension");
        LOG.infof("SCIM user extension %s stored in realm %s", stored.path("id").asText(), realm.getName());
        return AdminJson.ok(stored);
    }

    @DELETE
    public Response delete() {
        auth.realm().requireManageRealm();
        if (UserSchemas.get(realm).isEmpty()) {
            throw AdminJson.notFound("SCIM user extension");
        }
        UserSchemas.put(realm, null);
        AdminAudit.send(session, realm, auth, AdminAudit.CONFIG, OperationType.DELETE, null, "user-extension");
        LOG.infof("SCIM user extension removed from realm %s", realm.getName());
        return Response.noContent().build();
    }
}
