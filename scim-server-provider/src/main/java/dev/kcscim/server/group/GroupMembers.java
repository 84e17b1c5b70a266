package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.org.OrgContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Membership changes of one group. Adds and removes touch only the named members (joinGroup/leaveGroup,
 * or moving a subgroup), so their cost does not depend on the group's size; only a full replace reads the
 * current members. Every referenced member is resolved before anything changes: an unknown id is
 * {@code 400 invalidValue} and the request's transaction is rolled back. Inside an organization's API a user who
 * is not a member of it, or a group that is not its own, is unknown too ({@link OrgContext}).
 */
final class GroupMembers {

    /** A resolved member: exactly one of user and group is set. */
    record Member(UserModel user, GroupModel group) {
        String id() {
            return user != null ? user.getId() : group.getId();
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupModel target;
    private final GroupMapper mapper;
    private final ScimAudit audit;

    GroupMembers(KeycloakSession session, RealmModel realm, GroupModel target, GroupMapper mapper, ScimAudit audit) {
        this.session = session;
        this.realm = realm;
        this.target = target;
        this.mapper = mapper;
        this.audit = audit;
    }

    /** Resolves {@code members} (an array of {value, type?} objects, or one such object). */
    List<Member> resolve(JsonNode members) {
        List<Member> resolved = new ArrayList<>();
        if (members == null || members.isNull()) {
            return resolved;
        }
        Iterable<JsonNode> elements = members.isArray() ? members : List.of(members);
        for (JsonNode element : elements) {
            JsonNode value = element.isObject() ? ScimJson.getIgnoreCase(element, "value") : element;
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw ScimException.invalidValue("Each member needs a 'value' with the member's id");
            }
            JsonNode type = element.isObject() ? ScimJson.getIgnoreCase(element, "type") : null;
            resolved.add(resolve(value.asText(), type == null || type.isNull() ? null : type.asText()));
        }
        return resolved;
    }

    Member resolve(String id, String type) {
        if (type == null || type.equalsIgnoreCase("User")) {
            UserModel user = session.users().getUserById(realm, id);
            if (user != null && user.getServiceAccountClientLink() == null && OrgContext.sees(session, user)) {
                return new Member(user, null);
            }
        }
        if (type == null || type.equalsIgnoreCase("Group")) {
            GroupModel group = session.groups().getGroupById(realm, id);
            if (group != null && OrgContext.sees(session, group)) {
                return new Member(null, group);
            }
        }
        throw ScimException.invalidValue("Member '" + id + "' is not a " + (type == null ? "user or group" : type)
                + (OrgContext.current(session) == null ? " of this realm" : " of this organization"));
    }

    void add(List<Member> members) {
        for (Member member : members) {
            if (member.user() != null) {
                if (!isDirectMember(member.user())) {
                    member.user().joinGroup(target);
                    audit.membership(OperationType.CREATE, member.user().getId(), target.getId(), mapper.reference(target));
                }
            } else {
                addChild(member.group());
            }
        }
    }

    void remove(List<Member> members) {
        for (Member member : members) {
            if (member.user() != null) {
                if (isDirectMember(member.user())) {
                    member.user().leaveGroup(target);
                    audit.membership(OperationType.DELETE, member.user().getId(), target.getId(), mapper.reference(target));
                }
            } else if (target.getId().equals(member.group().getParentId())) {
                requireFreeName(OrgContext.membershipGroup(session), member.group());
                session.groups().moveGroup(realm, member.group(), OrgContext.membershipGroup(session));
                audit.group(OperationType.UPDATE, member.group().getId(), mapper.toJson(member.group(), false));
            }
        }
    }

    /** Removes every current member (RFC 7644 §3.5.2.2 remove of "members" without a filter). */
    void removeAll() {
        remove(current());
    }

    /** Makes {@code members} the exact member set: those not listed are removed (Okta's full push). */
    void replace(List<Member> members) {
        Set<String> wanted = members.stream().map(Member::id).collect(Collectors.toSet());
        List<Member> gone = current().stream().filter(m -> !wanted.contains(m.id())).collect(Collectors.toList());
        remove(gone);
        add(members);
    }

    /** Members whose id is one of {@code ids}; ids that are not members are resolved and ignored when absent. */
    List<Member> resolveIds(Set<String> ids) {
        List<Member> members = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            members.add(resolve(id, null));
        }
        return members;
    }

    List<Member> current() {
        List<Member> members = session.users().getGroupMembersStream(realm, target)
                .map(user -> new Member(user, null)).collect(Collectors.toList());
        target.getSubGroupsStream().forEach(child -> members.add(new Member(null, child)));
        return members;
    }

    /** Direct membership only; {@code isMemberOf} would also count membership through a subgroup. */
    private boolean isDirectMember(UserModel user) {
        return OrgContext.groupsOf(session, user).anyMatch(group -> group.getId().equals(target.getId()));
    }

    private void addChild(GroupModel child) {
        if (target.getId().equals(child.getParentId())) {
            return;
        }
        GroupModel top = OrgContext.membershipGroup(session);
        if (child.getParentId() != null && (top == null || !top.getId().equals(child.getParentId()))) {
            // Keycloak groups form a tree: a group has at most one parent
            throw ScimException.invalidValue("Group '" + child.getId() + "' is already a member of group '"
                    + child.getParentId() + "'; a Keycloak group can have only one parent");
        }
        for (GroupModel ancestor = target; ancestor != null; ancestor = ancestor.getParent()) {
            if (Objects.equals(ancestor.getId(), child.getId())) {
                throw ScimException.invalidValue("Group '" + child.getId() + "' cannot become a member of itself"
                        + " or of one of its own subgroups");
            }
        }
        requireFreeName(target, child);
        session.groups().moveGroup(realm, child, target);
        audit.group(OperationType.UPDATE, child.getId(), mapper.toJson(child, false));
    }

    private void requireFreeName(GroupModel parent, GroupModel child) {
        GroupModel clash = session.groups().getGroupByName(realm, parent, child.getName());
        if (clash != null && !clash.getId().equals(child.getId())) {
            throw ScimException.uniqueness("A group named '" + child.getName() + "' already exists there");
        }
    }
}
