package dev.kcscim.client.admin;

import dev.kcscim.server.admin.SettingsResource;
import dev.kcscim.server.admin.TokensResource;
import dev.kcscim.server.admin.UserExtensionResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The root of {@code /admin/realms/{realm}/scim-provisioning}: one sub-resource locator per noun. The inbound
 * ones ({@code tokens}, {@code settings}, {@code user-extension}) live in scim-server-provider; only one admin
 * realm resource may have the id {@code scim-provisioning}, so this one root serves both sides.
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

    /** Inbound provisioning tokens (scim-server-provider): {@code manage-realm} to write, {@code view-realm} to read. */
    @Path("tokens")
    public TokensResource tokens() {
        return new TokensResource(session, realm, auth);
    }

    /** Inbound settings: the realm's SCIM API switch and its base URL. */
    @Path("settings")
    public SettingsResource settings() {
        return new SettingsResource(session, realm, auth);
    }

    /** The realm's custom SCIM user schema extension. */
    @Path("user-extension")
    public UserExtensionResource userExtension() {
        return new UserExtensionResource(session, realm, auth);
    }

    /** Outbound targets: {@code manage-realm} to write, {@code view-realm} to read. */
    @Path("targets")
    public TargetsResource targets() {
        return new TargetsResource(session, realm, auth);
    }
}
