package dev.kcscim.client.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Turns Keycloak's admin events, user events and model events into outbox rows. Admin and user events cover the
 * admin console and REST, self-registration and the account console; model events cover group, membership and
 * user-removal changes from any origin (our SCIM API, Keycloak internals). Duplicates are dropped by
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
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent) {
            GroupModel.GroupMemberLeaveEvent leave = (GroupModel.GroupMemberLeaveEvent) event;
            membership(leave, leave.getUser(), Operation.MEMBER_REMOVE);
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
