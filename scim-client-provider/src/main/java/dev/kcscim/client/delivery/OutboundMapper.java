package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import org.keycloak.models.GroupModel;
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
