package dev.kcscim.server.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.version.ResourceVersion;
import dev.kcscim.server.http.ScimUrls;
import java.time.Instant;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reads a Keycloak group as a SCIM Group (RFC 7643 §4.2): {@code displayName} is the group name, users are
 * members of type {@code User} and direct subgroups members of type {@code Group}. Members are loaded only
 * when asked for, so {@code excludedAttributes=members} stays cheap on large groups.
 */
public final class GroupMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimUrls urls;

    public GroupMapper(KeycloakSession session, RealmModel realm, ScimUrls urls) {
        this.session = session;
        this.realm = realm;
        this.urls = urls;
    }

    public ObjectNode toJson(GroupModel group, boolean withMembers) {
        ObjectNode json = NODES.objectNode();
        json.putArray("schemas").add(ScimConstants.SCHEMA_GROUP);
        json.put("id", group.getId());
        String externalId = group.getFirstAttribute(GroupAttributes.EXTERNAL_ID);
        if (externalId != null) {
            json.put("externalId", externalId);
        }
        json.put("displayName", group.getName());
        if (withMembers) {
            ArrayNode members = json.putArray("members");
            session.users().getGroupMembersStream(realm, group)
                    .filter(user -> user.getServiceAccountClientLink() == null)
                    .forEach(user -> members.add(userMember(user)));
            group.getSubGroupsStream().forEach(child -> members.add(groupMember(child)));
        }
        ObjectNode meta = json.putObject("meta").put("resourceType", "Group");
        String created = group.getFirstAttribute(GroupAttributes.CREATED);
        String modified = group.getFirstAttribute(GroupAttributes.LAST_MODIFIED);
        if (created != null) {
            meta.put("created", Instant.ofEpochMilli(Long.parseLong(created)).toString());
        }
        if (modified != null) {
            meta.put("lastModified", Instant.ofEpochMilli(Long.parseLong(modified)).toString());
        }
        meta.put("location", urls.group(group.getId()));
        meta.put("version", version(group, json));
        return json;
    }

    /**
     * The group's version (RFC 7644 §3.14): its own values, its direct subgroups and the stamp that every
     * user membership change replaces ({@link MembershipStamps}), so members are never read for it.
     */
    private String version(GroupModel group, ObjectNode json) {
        ObjectNode basis = json.deepCopy();
        basis.remove("members");
        ObjectNode membership = basis.putObject("membership");
        membership.put("stamp", group.getFirstAttribute(GroupAttributes.MEMBERS_STAMP));
        ArrayNode subgroups = membership.putArray("subgroups");
        group.getSubGroupsStream().forEach(child -> subgroups.add(child.getId() + "/" + child.getName()));
        return ResourceVersion.of(basis);
    }

    /** The version of {@code group} without building its member list. */
    public String version(GroupModel group) {
        return toJson(group, false).path("meta").path("version").asText();
    }

    /** The small form used in membership admin events. */
    public ObjectNode reference(GroupModel group) {
        return NODES.objectNode().put("id", group.getId()).put("displayName", group.getName());
    }

    ObjectNode userMember(UserModel user) {
        String original = user.getFirstAttribute("kcscim.userName");
        String display = original != null && original.equalsIgnoreCase(user.getUsername()) ? original : user.getUsername();
        return NODES.objectNode()
                .put("value", user.getId())
                .put("$ref", urls.user(user.getId()))
                .put("type", "User")
                .put("display", display);
    }

    ObjectNode groupMember(GroupModel child) {
        return NODES.objectNode()
                .put("value", child.getId())
                .put("$ref", urls.group(child.getId()))
                .put("type", "Group")
                .put("display", child.getName());
    }
}
