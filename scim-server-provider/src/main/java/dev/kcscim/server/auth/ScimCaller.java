package dev.kcscim.server.auth;

import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who is calling: the Keycloak admin identity (for admin events) and what it may do.
 *
 * @param adminAuth the identity recorded in admin events: the token's subject for access tokens, the admin who
 *                  created the token for provisioning tokens
 * @param kind      how the caller authenticated
 * @param canRead   may read users and groups (realm-management {@code view-users}, or any provisioning token)
 * @param canWrite  may create, change and delete them ({@code manage-users}, or a {@code read-write} token)
 * @param source    the {@link InboundSource} value
 * @param denial    why reads or writes are refused, for the 403 detail (null: the realm-management role is missing)
 */
public record ScimCaller(AdminAuth adminAuth, Kind kind, boolean canRead, boolean canWrite, String source, String denial) {

    /** How a caller authenticated. */
    public enum Kind {
        /** A provisioning token created through the admin API. */
        PROVISIONING_TOKEN,
        /** A Keycloak access token issued to a confidential client (service account or user). */
        CONFIDENTIAL_CLIENT,
        /** A Keycloak access token issued to a public client: good for {@code /Me} only. */
        PUBLIC_CLIENT
    }

    /** A caller whose rights come from Keycloak's admin permission model (realm roles and FGAP). */
    static ScimCaller of(AdminAuth auth, AdminPermissionEvaluator permissions, boolean publicClient) {
        String source = InboundSource.client(auth.getClient().getClientId());
        if (publicClient) {
            return new ScimCaller(auth, Kind.PUBLIC_CLIENT, false, false, source, null);
        }
        boolean write = permissions.users().canManage();
        return new ScimCaller(auth, Kind.CONFIDENTIAL_CLIENT, write || permissions.users().canView(), write, source, null);
    }

    /** The provisioning token's id, or null. */
    public String tokenId() {
        return source.startsWith(InboundSource.TOKEN) ? source.substring(InboundSource.TOKEN.length()) : null;
    }

    /** True when the access token's subject is a client's service account rather than a person. */
    public boolean isServiceAccount() {
        return kind != Kind.PROVISIONING_TOKEN && adminAuth.getUser().getServiceAccountClientLink() != null;
    }
}
