package dev.kcscim.server.org;

import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The organization a SCIM request is scoped to, when it came through
 * {@code /realms/{realm}/scim-provisioning/organizations/{alias}/v2} (RFC 7644 §3.13 leaves tenancy to the service
 * provider; here one organization is one tenant). Held as a session attribute, so it lives exactly as long as the
 * request; {@code /Bulk} operations, which run in sessions of their own, {@link #adopt} it.
 *
 * <p>While a request has an organization: users are visible only if they are members of it (Keycloak stores
 * membership as membership of the organization's internal group); groups are visible only if they are the
 * organization's own groups (Keycloak 26 organization groups: {@code GroupModel.Type.ORGANIZATION}, linked to the
 * organization, under its internal group). Without an organization users are all visible and groups are the realm's
 * groups (organization groups stay with their organization's URL).
 */
public final class OrgContext {

    private static final String ATTRIBUTE = "kcscim.organization";

    private OrgContext() {
    }

    /** Resolves {@code alias} in the session's realm; null when organizations are off there or the alias is unknown. */
    public static OrganizationModel resolve(KeycloakSession session, String alias) {
        RealmModel realm = session.getContext().getRealm();
        OrganizationProvider organizations = provider(session);
        if (alias == null || alias.isBlank() || alias.length() > 255 || organizations == null
                || !realm.isOrganizationsEnabled()) {
            return null;
        }
        OrganizationModel organization = organizations.getByAlias(alias);
        return organization != null && organization.isEnabled() ? organization : null;
    }

    /**
     * Scopes the rest of the request to {@code organization}. Keycloak's own {@code KeycloakContext} organization is
     * left unset: with it set, Keycloak's user-profile validator would demand an email of every user created.
     */
    public static void enter(KeycloakSession session, OrganizationModel organization) {
        session.setAttribute(ATTRIBUTE, organization);
    }

    /** Scopes {@code session} (a bulk operation's own session) to the organization with this id, if any. */
    public static void adopt(KeycloakSession session, String organizationId) {
        if (organizationId != null) {
            OrganizationModel organization = provider(session).getById(organizationId);
            if (organization == null) {
                throw dev.kcscim.core.error.ScimException.notFound("The organization was removed during the request");
            }
            enter(session, organization);
        }
    }

    /** The request's organization, or null for the realm-level API. */
    public static OrganizationModel current(KeycloakSession session) {
        return session.getAttribute(ATTRIBUTE, OrganizationModel.class);
    }

    /** The request's organization id, or null. */
    public static String id(KeycloakSession session) {
        OrganizationModel organization = current(session);
        return organization == null ? null : organization.getId();
    }

    /** Whether {@code user} is visible: always on the realm API, only for members in an organization. */
    public static boolean sees(KeycloakSession session, UserModel user) {
        OrganizationModel organization = current(session);
        return organization == null || provider(session).isMember(organization, user);
    }

    /**
     * Whether {@code group} is visible: on the realm API every realm group and no organization group (they belong to
     * their organization's URL, and an organization's internal membership group is never a SCIM Group: a write to it
     * would change who is a member of the organization); in an organization only its own groups.
     */
    public static boolean sees(KeycloakSession session, GroupModel group) {
        OrganizationModel organization = current(session);
        if (organization == null) {
            return group.getType() != GroupModel.Type.ORGANIZATION;
        }
        return group.getType() == GroupModel.Type.ORGANIZATION && group.getOrganization() != null
                && Objects.equals(group.getOrganization().getId(), organization.getId())
                && !group.getId().equals(membershipGroup(session).getId());
    }

    /**
     * The organization's internal membership group (its members are the organization's members; it is never a SCIM
     * Group), or null for the realm-level API. Organization groups created through SCIM are its children.
     */
    public static GroupModel membershipGroup(KeycloakSession session) {
        OrganizationModel organization = current(session);
        return organization == null ? null : provider(session).getOrganizationGroup(organization);
    }

    /**
     * The groups {@code user} is a direct member of, as far as the request may see them: Keycloak's
     * {@code UserModel#getGroupsStream} on the realm API; inside an organization its groups the user belongs to
     * ({@code OrganizationProvider#getOrganizationGroupsByMember}), since a user's own group stream leaves
     * organization groups out.
     */
    public static Stream<GroupModel> groupsOf(KeycloakSession session, UserModel user) {
        OrganizationModel organization = current(session);
        return organization == null ? user.getGroupsStream()
                : provider(session).getOrganizationGroupsByMember(organization, user);
    }

    /** The organization's own groups, at every level, at most {@code max}. */
    public static Stream<GroupModel> groups(KeycloakSession session, int max) {
        return provider(session).searchGroupsByName(current(session), "", false, 0, max);
    }

    /**
     * Makes a user created through the organization's URL a managed member of it (Keycloak's
     * {@code OrganizationProvider#addManagedMember}): its lifecycle follows the organization's, and Keycloak then
     * requires it to keep an email whose domain matches the organization's identity provider, if it has one.
     */
    public static void admit(KeycloakSession session, UserModel user) {
        OrganizationModel organization = current(session);
        if (organization != null) {
            provider(session).addManagedMember(organization, user);
        }
    }

    public static OrganizationProvider provider(KeycloakSession session) {
        return session.getProvider(OrganizationProvider.class);
    }
}
