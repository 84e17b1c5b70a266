package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Writes a SCIM User (the full desired state, RFC 7644 §3.5.1) to Keycloak. Username, email and names go
 * through the realm's declarative user profile in the {@link UserProfileContext#USER_API} (administrator) context, so its
 * validation applies; every other SCIM value is kept under a {@code kcscim.} attribute (see
 * {@link UserAttributes}), so nothing is dropped. Attributes absent from the state are cleared; the
 * write-only {@code password} is set only when present. A create writes only the attributes the new user needs
 * (a user just made by Keycloak has none of ours to clear): the {@code userName} spelling only when it differs
 * from Keycloak's lower-cased username, no {@code lastModified} (it is the creation time).
 */
final class UserWriter {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CustomExtension custom;

    UserWriter(KeycloakSession session, RealmModel realm, CustomExtension custom) {
        this.session = session;
        this.realm = realm;
        this.custom = custom;
    }

    /**
     * Creates a user from {@code json}; 409 uniqueness when the userName is taken (ignoring case). The taken check
     * is the user profile's own ({@code DuplicateUsernameValidator} looks the name up lower-cased, as Keycloak keeps
     * usernames), so no lookup of ours precedes it; a concurrent create of the same name fails on Keycloak's unique
     * constraint, which is 409 too (see {@code ScimErrors}).
     */
    UserModel create(ObjectNode json) {
        String userName = userName(json);
        UserProfile profile = profiles().create(UserProfileContext.USER_API, profileAttributes(json, userName));
        UserModel user = validated(userName, () -> profile.create());
        writeRest(user, json, userName, true);
        return user;
    }

    /** Replaces {@code user}'s state with {@code json}. */
    void update(UserModel user, ObjectNode json) {
        String userName = userName(json);
        boolean renamed = !userName.toLowerCase(Locale.ROOT).equals(user.getUsername());
        if (renamed) {
            requireFreeUserName(userName, user);
        }
        // The profile makes the username read-only unless the realm lets users edit it, so it validates the
        // other attributes against the current username and a rename is applied below
        UserProfile profile = profiles().create(UserProfileContext.USER_API, profileAttributes(json, user.getUsername()), user);
        validated(userName, () -> {
            profile.update(false);
            return user;
        });
        if (renamed) {
            // A provisioning client is the authority for userName (Entra replaces it); uniqueness was checked above
            user.setUsername(userName);
        }
        writeRest(user, json, userName, false);
    }

    /** {@code create}: {@code user} was just made by Keycloak, so it holds none of our attributes to clear. */
    private void writeRest(UserModel user, ObjectNode json, String userName, boolean create) {
        JsonNode active = ScimJson.getIgnoreCase(json, "active");
        if (active != null && !active.isNull()) {
            user.setEnabled(bool(active, "active"));
        } else if (create) {
            user.setEnabled(true);
        }
        if (!create || !userName.equals(user.getUsername())) {
            // UserMapper.userName falls back to Keycloak's username, which is the lower-cased userName
            user.setSingleAttribute(UserAttributes.USER_NAME, userName);
        }
        setText(user, UserAttributes.EXTERNAL_ID, text(ScimJson.getIgnoreCase(json, "externalId"), "externalId"), create);
        JsonNode name = ScimJson.getIgnoreCase(json, "name");
        for (AttributeDefinition sub : CoreSchemas.USER.attribute("name").orElseThrow().subAttributes()) {
            if (!sub.name().equals("givenName") && !sub.name().equals("familyName")) {
                setText(user, UserAttributes.NAME_PREFIX + sub.name(), text(ScimJson.getIgnoreCase(name, sub.name()),
                        "name." + sub.name()), create);
            }
        }
        for (AttributeDefinition attribute : CoreSchemas.USER.attributes()) {
            if (!UserMapper.SPECIAL.contains(attribute.name().toLowerCase(Locale.ROOT))) {
                setStored(user, UserAttributes.core(attribute.name()), attribute, ScimJson.getIgnoreCase(json, attribute.name()),
                        create);
            }
        }
        writeEmails(user, ScimJson.getIgnoreCase(json, "emails"));
        writeEnterprise(user, ScimJson.getIgnoreCase(json, ScimConstants.SCHEMA_ENTERPRISE_USER), create);
        if (custom != null) {
            CustomValues.write(user, custom, ScimJson.getIgnoreCase(json, custom.schema().id()));
        }
        JsonNode password = ScimJson.getIgnoreCase(json, "password");
        if (password != null && !password.isNull()) {
            setPassword(user, text(password, "password"));
        }
        if (!create) {
            // meta.lastModified of a user never changed since its creation is its creation time (UserMapper.meta)
            user.setSingleAttribute(UserAttributes.LAST_MODIFIED, Long.toString(System.currentTimeMillis()));
        }
    }

    private Map<String, List<String>> profileAttributes(ObjectNode json, String userName) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(userName));
        JsonNode name = ScimJson.getIgnoreCase(json, "name");
        attributes.put(UserModel.FIRST_NAME, listOf(text(ScimJson.getIgnoreCase(name, "givenName"), "name.givenName")));
        attributes.put(UserModel.LAST_NAME, listOf(text(ScimJson.getIgnoreCase(name, "familyName"), "name.familyName")));
        attributes.put(UserModel.EMAIL, listOf(primaryEmail(ScimJson.getIgnoreCase(json, "emails"))));
        return attributes;
    }

    /** The primary email (RFC 7643 §2.4: at most one value has primary true), else the first one. */
    static String primaryEmail(JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimException.invalidValue("'emails' must be an array");
        }
        String first = null;
        for (JsonNode email : emails) {
            String value = text(ScimJson.getIgnoreCase(email, "value"), "emails.value");
            if (value == null) {
                continue;
            }
            JsonNode primary = ScimJson.getIgnoreCase(email, "primary");
            if (primary != null && !primary.isNull() && bool(primary, "emails.primary")) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }

    /**
     * Stores every email: the JSON list unless Keycloak's email alone reads back as it ({@link UserEmails}), and
     * for filtering the lower-cased values other than Keycloak's own email (found through its indexed column, see
     * {@link UserQuery}). Called after the profile wrote that email; also used by {@link SelfService}.
     */
    static void writeEmails(UserModel user, JsonNode emails) {
        List<String> values = new ArrayList<>();
        if (emails != null && emails.isArray()) {
            emails.forEach(email -> {
                String value = text(ScimJson.getIgnoreCase(email, "value"), "emails.value");
                if (value != null) {
                    values.add(value.toLowerCase(Locale.ROOT));
                }
            });
        }
        if (values.isEmpty()) {
            user.removeAttribute(UserAttributes.core("emails"));
            user.removeAttribute(UserAttributes.EMAIL_VALUE);
            return;
        }
        if (UserEmails.isDerived(emails, user.getEmail())) {
            // read back from Keycloak's email alone (UserEmails): one attribute row fewer per user
            user.removeAttribute(UserAttributes.core("emails"));
        } else {
            user.setSingleAttribute(UserAttributes.core("emails"), emails.toString());
        }
        String column = user.getEmail() == null ? null : user.getEmail().toLowerCase(Locale.ROOT);
        List<String> others = values.stream().filter(value -> !value.equals(column)).distinct().toList();
        if (others.isEmpty()) {
            user.removeAttribute(UserAttributes.EMAIL_VALUE);
        } else {
            user.setAttribute(UserAttributes.EMAIL_VALUE, others);
        }
    }

    private void writeEnterprise(UserModel user, JsonNode enterprise, boolean create) {
        if (enterprise != null && !enterprise.isNull() && !enterprise.isObject()) {
            throw ScimException.invalidValue("'" + ScimConstants.SCHEMA_ENTERPRISE_USER + "' must be an object");
        }
        for (AttributeDefinition attribute : CoreSchemas.ENTERPRISE_USER.attributes()) {
            JsonNode value = ScimJson.getIgnoreCase(enterprise, attribute.name());
            String key = UserAttributes.enterprise(attribute.name());
            if (attribute.name().equals("manager")) {
                setText(user, key, managerId(user, value), create);
            } else {
                setText(user, key, text(value, attribute.name()), create);
            }
        }
    }

    /** The manager's user id; it must name an existing user of the realm (RFC 7643 §4.3). */
    private String managerId(UserModel user, JsonNode manager) {
        JsonNode value = manager != null && manager.isArray() && manager.size() == 1 ? manager.get(0) : manager;
        String id = value != null && value.isObject() ? text(ScimJson.getIgnoreCase(value, "value"), "manager.value")
                : text(value, "manager");
        if (id == null) {
            return null;
        }
        UserModel boss = session.users().getUserById(realm, id);
        if (boss == null || boss.getServiceAccountClientLink() != null) {
            throw ScimException.invalidValue("manager.value '" + id + "' is not a user of this realm");
        }
        if (boss.getId().equals(user.getId())) {
            throw ScimException.invalidValue("A user cannot be their own manager");
        }
        return id;
    }

    private void setPassword(UserModel user, String password) {
        if (password == null) {
            return;
        }
        try {
            // The password provider applies the realm's password policy and throws ModelException on a violation
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            throw ScimException.invalidValue("The password does not meet the realm's password policy: " + e.getMessage());
        }
    }

    /** The rename check of {@link #update}: the profile validates against the current username, not the new one. */
    private void requireFreeUserName(String userName, UserModel self) {
        UserModel existing = session.users().getUserByUsername(realm, userName.toLowerCase(Locale.ROOT));
        if (existing != null && (self == null || !existing.getId().equals(self.getId()))) {
            throw ScimException.uniqueness("userName '" + userName + "' is already taken");
        }
    }

    private static String userName(ObjectNode json) {
        String userName = text(ScimJson.getIgnoreCase(json, "userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("'userName' is required (RFC 7643 §4.1.1)");
        }
        return userName;
    }

    /** Runs a profile write; its duplicate errors (username or email taken) become 409 uniqueness (RFC 7644 §3.12). */
    private static UserModel validated(String userName, java.util.function.Supplier<UserModel> write) {
        try {
            return write.get();
        } catch (ValidationException e) {
            boolean userNameTaken = e.getErrors().stream().anyMatch(error -> UserModel.USERNAME.equals(error.getAttribute())
                    && Messages.USERNAME_EXISTS.equals(error.getMessage()));
            if (userNameTaken) {
                throw ScimException.uniqueness("userName '" + userName + "' is already taken");
            }
            boolean duplicate = e.getErrors().stream()
                    .anyMatch(error -> error.getMessage() != null && error.getMessage().toLowerCase(Locale.ROOT).contains("exists"));
            if (duplicate) {
                throw ScimException.uniqueness("The user profile reports a duplicate value: " + e.getMessage());
            }
            throw e;
        }
    }

    private UserProfileProvider profiles() {
        return session.getProvider(UserProfileProvider.class);
    }

    /** {@code create}: nothing to remove when the value is absent. */
    private static void setStored(UserModel user, String key, AttributeDefinition attribute, JsonNode value, boolean create) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty())) {
            if (!create) {
                user.removeAttribute(key);
            }
        } else if (attribute.multiValued() || attribute.type() == AttributeType.COMPLEX) {
            if (attribute.multiValued() && !value.isArray()) {
                throw ScimException.invalidValue("'" + attribute.name() + "' must be an array");
            }
            user.setSingleAttribute(key, value.toString());
        } else if (attribute.type() == AttributeType.BOOLEAN) {
            user.setSingleAttribute(key, Boolean.toString(bool(value, attribute.name())));
        } else {
            user.setSingleAttribute(key, text(value, attribute.name()));
        }
    }

    private static void setText(UserModel user, String key, String value, boolean create) {
        if (value == null || value.isEmpty()) {
            if (!create) {
                user.removeAttribute(key);
            }
        } else {
            user.setSingleAttribute(key, value);
        }
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of("") : List.of(value);
    }

    static String text(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw ScimException.invalidValue("'" + name + "' must be a string");
    }

    static boolean bool(JsonNode node, String name) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // Entra ID without aadOptscim062020 sends "True"/"False" (idp-wire-behaviour.md §4)
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw ScimException.invalidValue("'" + name + "' must be a boolean");
    }
}
