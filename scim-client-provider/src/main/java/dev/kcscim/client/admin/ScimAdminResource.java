package dev.kcscim.client.admin;

import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The root of {@code /admin/realms/{realm}/scim-provisioning}: one sub-resource locator per noun, so more
 * (provisioning {@code tokens}) can be added beside {@code targets}.
 */
public final class ScimAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    ScimAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** Outbound targets: {@code manage-realm} to write, {@code view-realm} to read. */
    @Path("targets")
    public TargetsResource targets() {
        return new TargetsResource(session, realm, auth);
    }
}
