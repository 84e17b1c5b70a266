package dev.kcscim.server.group;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps {@link GroupAttributes#MEMBERS_STAMP} current: Keycloak's model publishes a join or leave event for
 * every membership change (admin console, Admin REST, SCIM, identity-provider mappers) and a pre-removal
 * event before a user is deleted with their memberships. The stamp is replaced in the same transaction, so a
 * group's SCIM version (RFC 7644 §3.14) changes with its members at O(1) cost, without a counter that only SCIM
 * writes would move. Changes that bypass the model (direct SQL) are not seen.
 */
public final class MembershipStamps implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(MembershipStamps.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof GroupModel.GroupMemberJoinEvent || event instanceof GroupModel.GroupMemberLeaveEvent) {
            GroupModel.GroupEvent groupEvent = (GroupModel.GroupEvent) event;
            touch(groupEvent.getKeycloakSession(), groupEvent.getRealm(), groupEvent.getGroup());
        } else if (event instanceof UserModel.UserPreRemovedEvent) {
            UserModel.UserPreRemovedEvent removed = (UserModel.UserPreRemovedEvent) event;
            if (removed.getUser().getServiceAccountClientLink() == null) {
                removed.getUser().getGroupsStream().toList()
                        .forEach(group -> touch(removed.getKeycloakSession(), removed.getRealm(), group));
                organizationGroups(removed.getKeycloakSession(), removed.getRealm(), removed.getUser())
                        .forEach(group -> touch(removed.getKeycloakSession(), removed.getRealm(), group));
            }
        }
    }

    /** The organization groups the user is in (a user's own group stream leaves them out). */
    private static java.util.List<GroupModel> organizationGroups(KeycloakSession session, RealmModel realm, UserModel user) {
        org.keycloak.organization.OrganizationProvider organizations = session == null || realm == null
                || !realm.isOrganizationsEnabled() ? null : session.getProvider(org.keycloak.organization.OrganizationProvider.class);
        if (organizations == null) {
            return java.util.List.of();
        }
        return organizations.getByMember(user).toList().stream()
                .flatMap(organization -> organizations.getOrganizationGroupsByMember(organization, user)).toList();
    }

    private static void touch(KeycloakSession session, RealmModel realm, GroupModel group) {
        if (session == null || realm == null || group == null) {
            return;
        }
        // re-read through the session so the write goes through the cache layer and invalidates it
        GroupModel current = session.groups().getGroupById(realm, group.getId());
        if (current != null) {
            current.setSingleAttribute(GroupAttributes.MEMBERS_STAMP, KeycloakModelUtils.generateId());
            LOG.tracef("membership of group %s in realm %s changed", group.getId(), realm.getName());
        }
    }
}
