package dev.kcscim.server.admin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Keycloak admin events for changes made through the inbound admin API, with the path under
 * {@code scim-provisioning/} as resource path. Representations never hold a token secret.
 */
final class AdminAudit {

    /** Resource type of provisioning token events. */
    static final String TOKEN = "SCIM_PROVISIONING_TOKEN";
    /** Resource type of settings and user extension events. */
    static final String CONFIG = "SCIM_PROVISIONING_CONFIG";

    private AdminAudit() {
    }

    static void send(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, String resourceType,
                     OperationType operation, Object representation, String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "scim-provisioning";
        System.arraycopy(path, 0, full, 1, path.length);
        AdminEventBuilder event = new AdminEventBuilder(realm, auth.adminAuth(), session, session.getContext().getConnection())
                .resource(resourceType)
                .operation(operation)
                .resourcePath(full);
        if (representation != null) {
            event.representation(representation);
        }
        event.success();
    }
}
