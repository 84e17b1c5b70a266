package dev.kcscim.server.http;

import org.keycloak.models.KeycloakSession;

/**
 * What {@code /realms/{realm}/scim-provisioning/organizations/{alias}/...} is when the realm has organizations
 * switched off, no enabled organization has that alias, or the path nests organizations: a SCIM 404 for every
 * method and path, before any authentication, so it tells nothing about which aliases exist.
 */
final class OrgNotFoundResource extends CatchAllNotFound {

    OrgNotFoundResource(KeycloakSession session) {
        super(session);
    }

    @Override
    protected String detail(String method, String path) {
        return "No SCIM endpoint at " + path
                + ": the realm has no enabled organization with this alias, or organizations are disabled";
    }
}
