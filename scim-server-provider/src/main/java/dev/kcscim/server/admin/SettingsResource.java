package dev.kcscim.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.server.ScimServerResourceProviderFactory;
import dev.kcscim.server.settings.InboundSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/settings}: {@code {"inboundEnabled": bool, "scimBaseUrl": url, "adminUiUrl": url}}.
 * {@code inboundEnabled} switches the realm's SCIM API on or off (off by default, see {@link InboundSettings});
 * {@code scimBaseUrl} is read-only, the URL to give an IdP (from the realm's frontend URL). Reads need
 * {@code view-realm}, writes {@code manage-realm}; a change emits an admin event.
 */
public final class SettingsResource {

    private static final Logger LOG = Logger.getLogger(SettingsResource.class);
    private static final Set<String> FIELDS = Set.of("inboundEnabled", "scimBaseUrl", "adminUiUrl");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public SettingsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.realm().requireViewRealm();
        return AdminJson.ok(json());
    }

    /** Changes {@code inboundEnabled}; {@code scimBaseUrl} and {@code adminUiUrl} may be sent back as read but are ignored. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(String body) {
        auth.realm().requireManageRealm();
        ObjectNode request = AdminJson.object(body, FIELDS);
        JsonNode enabled = request.get("inboundEnabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw AdminJson.badRequest("'inboundEnabled' is required and must be true or false");
        }
        InboundSettings.setEnabled(realm, enabled.booleanValue());
        ObjectNode json = json();
        AdminAudit.send(session, realm, auth, AdminAudit.CONFIG, OperationType.UPDATE, json, "settings");
        LOG.infof("SCIM API of realm %s switched %s", realm.getName(), enabled.booleanValue() ? "on" : "off");
        return AdminJson.ok(json);
    }

    private ObjectNode json() {
        String root = session.getContext().getUri(UrlType.FRONTEND).getBaseUri().toString();
        if (!root.endsWith("/")) {
            root += "/";
        }
        String realmBase = root + "realms/" + realm.getName() + "/" + ScimServerResourceProviderFactory.PROVIDER_ID;
        return AdminJson.MAPPER.createObjectNode()
                .put("inboundEnabled", InboundSettings.isEnabled(realm))
                .put("scimBaseUrl", realmBase + "/v2")
                .put("adminUiUrl", realmBase + "/admin-ui/");
    }
}
