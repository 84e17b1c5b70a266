package dev.kcscim.server.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.version.ResourceVersion;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.server.http.ScimUrls;
import dev.kcscim.server.org.OrgContext;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reads a Keycloak user as a SCIM User (RFC 7643 §4.1, §4.3). {@code userName} is the spelling last
 * written through SCIM when it still matches the Keycloak username ignoring case; {@code active} is
 * {@code enabled}; the primary email is Keycloak's email; {@code groups} are the direct memberships.
 * {@code password} is never returned (RFC 7643 §4.1.1 returned "never").
 */
public final class UserMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Core attributes with a dedicated mapping; every other core attribute lives under {@code kcscim.<name>}. */
    static final Set<String> SPECIAL = Set.of("username", "name", "active", "emails", "password", "groups");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimUrls urls;
    private final CustomExtension custom;
    private final ResourceSchema schema;

    public UserMapper(KeycloakSession session, RealmModel realm, ScimUrls urls) {
        this.session = session;
        this.realm = realm;
        this.urls = urls;
        this.custom = UserSchemas.extension(realm).orElse(null);
        this.schema = UserSchemas.of(realm);
    }

    /** The realm's User resource type, with its custom extension if any. */
    public ResourceSchema schema() {
        return schema;
    }

    CustomExtension custom() {
        return custom;
    }

    /** The full resource with {@code meta.version}; {@code withGroups} false leaves {@code groups} out of it (they are still read for the version). */
    public ObjectNode toJson(UserModel user, boolean withGroups) {
        return toJson(user, withGroups, () -> OrgContext.groupsOf(session, user));
    }

    /**
     * {@link #toJson} of a user created in this transaction. Keycloak makes a new user a member of the realm's
     * default groups and of nothing else, so the membership query is made only when the realm has default groups
     * (and never for a user created through an organization's URL: realm groups are not visible there).
     */
    public ObjectNode toJsonOfNew(UserModel user) {
        boolean defaultGroups = OrgContext.current(session) == null && realm.getDefaultGroupsStream().findAny().isPresent();
        return toJson(user, true, defaultGroups ? user::getGroupsStream : Stream::empty);
    }

    private ObjectNode toJson(UserModel user, boolean withGroups, Supplier<Stream<GroupModel>> memberships) {
        ObjectNode json = NODES.objectNode();
        ArrayNode schemas = json.putArray("schemas").add(ScimConstants.SCHEMA_USER);
        json.put("id", user.getId());
        putText(json, "externalId", user.getFirstAttribute(UserAttributes.EXTERNAL_ID));
        json.put("userName", userName(user));
        ObjectNode name = name(user);
        if (!name.isEmpty()) {
            json.set("name", name);
        }
        for (AttributeDefinition attribute : CoreSchemas.USER.attributes()) {
            if (!SPECIAL.contains(attribute.name().toLowerCase(java.util.Locale.ROOT))) {
                putStored(json, attribute, user.getFirstAttribute(UserAttributes.core(attribute.name())));
            }
        }
        json.put("active", user.isEnabled());
        ArrayNode emails = emails(user);
        if (!emails.isEmpty()) {
            json.set("emails", emails);
        }
        // groups are always read: they are part of the version even when the response leaves them out
        ArrayNode groups = json.putArray("groups");
        memberships.get().forEach(group -> groups.add(groupRef(group)));
        ObjectNode enterprise = enterprise(user);
        if (!enterprise.isEmpty()) {
            schemas.add(ScimConstants.SCHEMA_ENTERPRISE_USER);
            json.set(ScimConstants.SCHEMA_ENTERPRISE_USER, enterprise);
        }
        if (custom != null) {
            ObjectNode extension = customValues(user);
            if (!extension.isEmpty()) {
                schemas.add(custom.schema().id());
                json.set(custom.schema().id(), extension);
            }
        }
        json.set("meta", meta(user));
        // RFC 7644 §3.14: the version covers every SCIM-visible value, whoever changed it
        ((ObjectNode) json.get("meta")).put("version", ResourceVersion.of(json));
        if (!withGroups) {
            json.remove("groups");
        }
        return json;
    }

    /** The {@code userName} as last sent, or the Keycloak username when it was changed elsewhere. */
    static String userName(UserModel user) {
        String original = user.getFirstAttribute(UserAttributes.USER_NAME);
        return original != null && original.equalsIgnoreCase(user.getUsername()) ? original : user.getUsername();
    }

    private ObjectNode name(UserModel user) {
        ObjectNode name = NODES.objectNode();
        AttributeDefinition definition = CoreSchemas.USER.attribute("name").orElseThrow();
        for (AttributeDefinition sub : definition.subAttributes()) {
            String value;
            if (sub.name().equals("givenName")) {
                value = user.getFirstName();
            } else if (sub.name().equals("familyName")) {
                value = user.getLastName();
            } else {
                value = user.getFirstAttribute(UserAttributes.NAME_PREFIX + sub.name());
            }
            putText(name, sub.name(), value);
        }
        return name;
    }

    private ArrayNode emails(UserModel user) {
        return UserEmails.read(parse(user.getFirstAttribute(UserAttributes.core("emails"))), user.getEmail());
    }

    private ObjectNode enterprise(UserModel user) {
        ObjectNode enterprise = NODES.objectNode();
        for (AttributeDefinition attribute : CoreSchemas.ENTERPRISE_USER.attributes()) {
            String value = user.getFirstAttribute(UserAttributes.enterprise(attribute.name()));
            if (value == null) {
                continue;
            }
            if (attribute.name().equals("manager")) {
                ObjectNode manager = enterprise.putObject("manager").put("value", value).put("$ref", urls.user(value));
                UserModel boss = session.users().getUserById(realm, value);
                if (boss != null) {
                    putText(manager, "displayName", displayName(boss));
                }
            } else {
                enterprise.put(attribute.name(), value);
            }
        }
        return enterprise;
    }

    private ObjectNode customValues(UserModel user) {
        ObjectNode extension = NODES.objectNode();
        for (AttributeDefinition attribute : custom.schema().attributes()) {
            java.util.List<String> values = user.getAttributeStream(custom.attributes().get(attribute.name()))
                    .filter(value -> value != null && !value.isEmpty()).collect(java.util.stream.Collectors.toList());
            if (values.isEmpty()) {
                continue;
            }
            if (attribute.multiValued()) {
                ArrayNode array = extension.putArray(attribute.name());
                values.forEach(value -> array.add(typed(attribute, value)));
            } else {
                extension.set(attribute.name(), typed(attribute, values.get(0)));
            }
        }
        return extension;
    }

    /** A stored text value with the attribute's JSON type; unparseable values stay text. */
    private static JsonNode typed(AttributeDefinition attribute, String value) {
        try {
            switch (attribute.type()) {
                case BOOLEAN:
                    return NODES.booleanNode(Boolean.parseBoolean(value));
                case INTEGER:
                    return NODES.numberNode(Long.parseLong(value));
                case DECIMAL:
                    return NODES.numberNode(new java.math.BigDecimal(value));
                default:
                    return NODES.textNode(value);
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
    }

    private static String displayName(UserModel user) {
        String display = user.getFirstAttribute(UserAttributes.core("displayName"));
        return display != null ? display : userName(user);
    }

    private ObjectNode groupRef(GroupModel group) {
        return NODES.objectNode()
                .put("value", group.getId())
                .put("$ref", urls.group(group.getId()))
                .put("display", group.getName())
                .put("type", "direct");
    }

    private ObjectNode meta(UserModel user) {
        Long created = user.getCreatedTimestamp();
        String modified = user.getFirstAttribute(UserAttributes.LAST_MODIFIED);
        ObjectNode meta = NODES.objectNode().put("resourceType", "User");
        if (created != null) {
            meta.put("created", Instant.ofEpochMilli(created).toString());
        }
        if (modified != null) {
            meta.put("lastModified", Instant.ofEpochMilli(Long.parseLong(modified)).toString());
        } else if (created != null) {
            meta.put("lastModified", Instant.ofEpochMilli(created).toString());
        }
        meta.put("location", urls.user(user.getId()));
        return meta;
    }

    /** Puts a stored value back with the attribute's JSON type. */
    private static void putStored(ObjectNode json, AttributeDefinition attribute, String stored) {
        if (stored == null) {
            return;
        }
        if (attribute.multiValued() || attribute.type() == AttributeType.COMPLEX) {
            JsonNode parsed = parse(stored);
            if (parsed != null) {
                json.set(attribute.name(), parsed);
            }
        } else if (attribute.type() == AttributeType.BOOLEAN) {
            json.put(attribute.name(), Boolean.parseBoolean(stored));
        } else {
            json.put(attribute.name(), stored);
        }
    }

    private static void putText(ObjectNode json, String name, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(name, value);
        }
    }

    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ScimJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
