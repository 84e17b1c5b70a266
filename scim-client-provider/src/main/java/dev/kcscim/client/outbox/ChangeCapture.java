package dev.kcscim.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.TargetScope;
import dev.kcscim.client.targets.Targets;
import java.util.function.Predicate;
import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Turns Keycloak's admin events, user events and model events into outbox rows. Admin and user events cover the
 * admin console and REST, self-registration and the account console; model events cover group, membership and
 * user-removal changes from any origin (our SCIM API, Keycloak internals). Group membership, role grants and
 * Organization membership also queue a re-evaluation (a user SYNC row) for the targets whose scope or mapping
 * depends on them. Duplicates are dropped by
 * {@link OutboxWriter} within the transaction.
 */
public final class ChangeCapture {

    private static final Logger LOG = Logger.getLogger(ChangeCapture.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> USER_SYNC_EVENTS = Set.of("REGISTER", "UPDATE_PROFILE", "UPDATE_EMAIL",
            "VERIFY_EMAIL", "USER_DISABLED_BY_PERMANENT_LOCKOUT");
    private static final Set<String> USER_DELETE_EVENTS = Set.of("DELETE_ACCOUNT");

    private final OutboxWriter writer;

    public ChangeCapture(OutboxWriter writer) {
        this.writer = writer;
    }

    /** A user event (RFC-neutral: Keycloak's {@code EventType}); only successful events are captured. */
    public void onUserEvent(KeycloakSession session, Event event) {
        if (event.getType() == null || event.getUserId() == null || event.getError() != null) {
            return;
        }
        String type = event.getType().name();
        boolean sync = USER_SYNC_EVENTS.contains(type);
        if (!sync && !USER_DELETE_EVENTS.contains(type)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        writer.record(session, realm, ResourceKind.USER, event.getUserId(), sync ? Operation.SYNC : Operation.DELETE,
                null);
    }

    /** An admin event: users, groups and memberships changed through the Admin REST API. */
    public void onAdminEvent(KeycloakSession session, AdminEvent event) {
        if (event.getResourceType() == null || event.getResourcePath() == null || event.getError() != null) {
            return;
        }
        String[] path = event.getResourcePath().split("/");
        OperationType op = event.getOperationType();
        switch (event.getResourceType()) {
            case USER:
                if (path.length == 2 && path[0].equals("users")) {
                    writer.record(session, realm(session, event), ResourceKind.USER, path[1],
                            op == OperationType.DELETE ? Operation.DELETE : Operation.SYNC, null);
                }
                break;
            case GROUP:
                String groupId = groupId(path, event.getRepresentation());
                writer.record(session, realm(session, event), ResourceKind.GROUP, groupId,
                        op == OperationType.DELETE ? Operation.DELETE : Operation.SYNC, null);
                break;
            case REALM_ROLE_MAPPING:
            case CLIENT_ROLE_MAPPING:
                if (path.length >= 3 && path[0].equals("groups") && path[2].equals("role-mappings")) {
                    groupRoleMapping(session, realm(session, event), path[1]);
                }
                break;
            case GROUP_MEMBERSHIP:
                if (path.length == 4 && path[0].equals("users") && path[2].equals("groups")) {
                    Operation membership = op == OperationType.DELETE ? Operation.MEMBER_REMOVE : Operation.MEMBER_ADD;
                    writer.record(session, realm(session, event), ResourceKind.GROUP, path[3], membership, path[1]);
                }
                break;
            default:
                break;
        }
    }

    /** A model event published by Keycloak's stores, in the transaction of the change. */
    public void onProviderEvent(ProviderEvent event) {
        if (event instanceof GroupModel.GroupMemberJoinEvent) {
            GroupModel.GroupMemberJoinEvent join = (GroupModel.GroupMemberJoinEvent) event;
            membership(join, join.getUser(), Operation.MEMBER_ADD);
            reevaluate(join.getKeycloakSession(), join.getRealm(), join.getUser(), ChangeCapture::dependsOnGroups);
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent) {
            GroupModel.GroupMemberLeaveEvent leave = (GroupModel.GroupMemberLeaveEvent) event;
            membership(leave, leave.getUser(), Operation.MEMBER_REMOVE);
            reevaluate(leave.getKeycloakSession(), leave.getRealm(), leave.getUser(), ChangeCapture::dependsOnGroups);
        } else if (event instanceof RoleModel.RoleGrantedEvent) {
            RoleModel.RoleGrantedEvent granted = (RoleModel.RoleGrantedEvent) event;
            reevaluate(granted.getKeycloakSession(), granted.getRealm(), granted.getUser(), ChangeCapture::dependsOnRoles);
        } else if (event instanceof RoleModel.RoleRevokedEvent) {
            RoleModel.RoleRevokedEvent revoked = (RoleModel.RoleRevokedEvent) event;
            reevaluate(revoked.getKeycloakSession(), revoked.getRealm(), revoked.getUser(), ChangeCapture::dependsOnRoles);
        } else if (event instanceof OrganizationModel.OrganizationMembershipEvent) {
            OrganizationModel.OrganizationMembershipEvent membership = (OrganizationModel.OrganizationMembershipEvent) event;
            KeycloakSession session = membership.getSession();
            reevaluate(session, session.getContext().getRealm(), membership.getUser(),
                    target -> target.userScope().users() == TargetScope.Users.ORGANIZATION);
        } else if (event instanceof GroupModel.GroupRemovedEvent) {
            group((GroupModel.GroupEvent) event, Operation.DELETE);
        } else if (event instanceof GroupModel.GroupCreatedEvent || event instanceof GroupModel.GroupUpdatedEvent) {
            group((GroupModel.GroupEvent) event, Operation.SYNC);
        } else if (event instanceof UserModel.UserRemovedEvent) {
            UserModel.UserRemovedEvent removed = (UserModel.UserRemovedEvent) event;
            if (removed.getUser() != null) {
                writer.record(removed.getKeycloakSession(), removed.getRealm(), ResourceKind.USER,
                        removed.getUser().getId(), Operation.DELETE, null);
            }
        }
    }

    /**
     * A change that may move {@code user} into or out of a target's scope, or change what the mapping sends: a SYNC
     * row for the targets it concerns. At delivery the scope is evaluated afresh: in scope, the user is created or
     * updated; out of scope but linked, it is deprovisioned.
     */
    private void reevaluate(KeycloakSession session, RealmModel realm, UserModel user, Predicate<TargetConfig> which) {
        if (session != null && realm != null && user != null) {
            writer.record(session, realm, ResourceKind.USER, user.getId(), Operation.SYNC, null, which);
        }
    }

    /** A role mapping of a group changes the roles of its members (and of its subgroups' members). */
    private void groupRoleMapping(KeycloakSession session, RealmModel realm, String groupId) {
        if (realm == null || Targets.enabled(realm).stream().noneMatch(ChangeCapture::dependsOnRoles)) {
            return;
        }
        GroupModel group = session.groups().getGroupById(realm, groupId);
        if (group != null) {
            members(session, realm, group, 0);
        }
    }

    private void members(KeycloakSession session, RealmModel realm, GroupModel group, int depth) {
        session.users().getGroupMembersStream(realm, group)
                .forEach(user -> reevaluate(session, realm, user, ChangeCapture::dependsOnRoles));
        if (depth < 20) {
            group.getSubGroupsStream().forEach(child -> members(session, realm, child, depth + 1));
        }
    }

    static boolean dependsOnGroups(TargetConfig target) {
        return target.userScope().users() == TargetScope.Users.GROUPS
                || target.mapping().groups() != AttributeMapping.MultiTarget.NONE;
    }

    static boolean dependsOnRoles(TargetConfig target) {
        return target.userScope().users() == TargetScope.Users.ROLE
                || target.mapping().roles() != AttributeMapping.MultiTarget.NONE;
    }

    private void group(GroupModel.GroupEvent event, Operation op) {
        if (event.getGroup() != null && event.getRealm() != null) {
            writer.record(event.getKeycloakSession(), event.getRealm(), ResourceKind.GROUP, event.getGroup().getId(), op,
                    null);
        }
    }

    private void membership(GroupModel.GroupEvent event, UserModel user, Operation op) {
        if (event.getGroup() != null && user != null && event.getRealm() != null) {
            writer.record(event.getKeycloakSession(), event.getRealm(), ResourceKind.GROUP, event.getGroup().getId(), op,
                    user.getId());
        }
    }

    private static RealmModel realm(KeycloakSession session, AdminEvent event) {
        return session.realms().getRealm(event.getRealmId());
    }

    /** {@code groups/{id}} names the group; a child create ({@code groups/{parent}/children}) or a move to top
     *  level ({@code groups}) names it only in the representation. */
    static String groupId(String[] path, String representation) {
        if (representation != null && !representation.isBlank()) {
            try {
                JsonNode id = JSON.readTree(representation).get("id");
                if (id != null && id.isTextual()) {
                    return id.asText();
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debugf("outbox: group admin event representation is not JSON");
            }
        }
        return path.length == 2 && path[0].equals("groups") ? path[1] : null;
    }
}
