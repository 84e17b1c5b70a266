package dev.kcscim.server.http;

import jakarta.ws.rs.Path;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * What {@code /realms/{realm}/scim-provisioning/...} is while the realm's SCIM API is switched off
 * ({@link dev.kcscim.server.settings.InboundSettings}): a SCIM 404 for every method and path, before any
 * authentication, so the switched-off API looks like no API at all. Only the admin pages ({@code admin-ui/}) stay,
 * since they are where the API is switched on.
 */
public final class ScimDisabledResource extends CatchAllNotFound {

    private static final Logger LOG = Logger.getLogger(ScimDisabledResource.class);

    public ScimDisabledResource(KeycloakSession session) {
        super(session);
    }

    /** The admin pages stay reachable: they are where an admin switches the SCIM API on. */
    @Path("admin-ui")
    public dev.kcscim.server.ui.AdminUiResource adminUi() {
        return new dev.kcscim.server.ui.AdminUiResource(session);
    }

    @Override
    protected String detail(String method, String path) {
        // the same answer as for a path that does not exist, so the switched-off API reveals nothing
        LOG.debugf("SCIM %s %s: the SCIM API of realm %s is switched off", method, path,
                session.getContext().getRealm().getName());
        return "No SCIM endpoint at " + path;
    }
}
