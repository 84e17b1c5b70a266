package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.client.targets.AttributeMapping;
import java.util.List;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak users and groups as the SCIM resources we push (RFC 7643 §4.1, §4.2). Our Keycloak id travels in
 * {@code externalId} (the client's identifier, RFC 7643 §3.1), never in {@code id}, which the target assigns.
 * Members are not part of a pushed group: membership is sent as delta PATCHes.
 */
final class OutboundMapper {

    private OutboundMapper() {
    }

    static ObjectNode user(UserModel user) {
        return user(user.getId(), user.getUsername(), user.isEnabled(), user.getFirstName(), user.getLastName(),
                user.getEmail());
    }

    /** The user as a target with {@code mapping} receives it: the defaults, then the mapping's rules. */
    static ObjectNode user(RealmModel realm, UserModel user, AttributeMapping mapping) {
        ObjectNode base = user(user);
        if (mapping.equals(AttributeMapping.DEFAULT)) {
            return base;
        }
        List<String> roles = mapping.roles() == AttributeMapping.MultiTarget.NONE ? List.of()
                : user.getRealmRoleMappingsStream()
                        .filter(role -> realm.getDefaultRole() == null || !role.getId().equals(realm.getDefaultRole().getId()))
                        .map(RoleModel::getName).collect(Collectors.toList());
        List<String> groups = mapping.groups() == AttributeMapping.MultiTarget.NONE ? List.of()
                : user.getGroupsStream().map(GroupModel::getName).collect(Collectors.toList());
        return UserMapping.apply(base, mapping, source -> value(user, source), roles, groups);
    }

    static String value(UserModel user, AttributeMapping.Source source) {
        if (source.attribute() != null) {
            return user.getFirstAttribute(source.attribute());
        }
        switch (source.property()) {
            case "username":
                return user.getUsername();
            case "email":
                return user.getEmail();
            case "firstname":
                return user.getFirstName();
            case "lastname":
                return user.getLastName();
            case "enabled":
                return String.valueOf(user.isEnabled());
            case "id":
                return user.getId();
            default:
                return null;
        }
    }

    static ObjectNode user(String id, String userName, boolean active, String givenName, String familyName,
            String email) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("schemas").add(ScimConstants.SCHEMA_USER);
        json.put("externalId", id);
        json.put("userName", userName);
        json.put("active", active);
        String display = join(givenName, familyName);
        if (!blank(givenName) || !blank(familyName)) {
            ObjectNode name = json.putObject("name");
            if (!blank(givenName)) {
                name.put("givenName", givenName);
            }
            if (!blank(familyName)) {
                name.put("familyName", familyName);
            }
            name.put("formatted", display);
            json.put("displayName", display);
        }
        if (!blank(email)) {
            json.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
        }
        return json;
    }

    static ObjectNode group(GroupModel group) {
        return group(group.getId(), group.getName());
    }

    static ObjectNode group(String id, String name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("schemas").add(ScimConstants.SCHEMA_GROUP);
        json.put("externalId", id);
        json.put("displayName", name);
        return json;
    }

    private static String join(String first, String last) {
        if (blank(first)) {
            return blank(last) ? null : last;
        }
        return blank(last) ? first : first + " " + last;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
