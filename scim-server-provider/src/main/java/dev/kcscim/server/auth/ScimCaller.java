package dev.kcscim.server.auth;

import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who is calling: the Keycloak admin identity (for admin events) and what it may do.
 *
 * @param adminAuth the identity recorded in admin events
 * @param canRead   may read users and groups (realm-management {@code view-users})
 * @param canWrite  may create, change and delete them (realm-management {@code manage-users})
 */
public record ScimCaller(AdminAuth adminAuth, boolean canRead, boolean canWrite) {

    /** A caller whose rights come from Keycloak's admin permission model (realm roles and FGAP). */
    static ScimCaller of(AdminAuth auth, AdminPermissionEvaluator permissions) {
        boolean write = permissions.users().canManage();
        return new ScimCaller(auth, write || permissions.users().canView(), write);
    }
}
