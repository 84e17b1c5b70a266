package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.patch.PatchEngine;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.http.ScimUrls;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * {@code /Me} (RFC 7644 §3.11): the authenticated user's own SCIM User. Writes (PUT, PATCH) may change only what
 * the realm's user profile lets users edit themselves ({@link UserProfileContext#ACCOUNT}, as in the account
 * console): {@code userName} (when the realm allows editing usernames), {@code name.givenName},
 * {@code name.familyName} and {@code emails} (when email is editable). Such an attribute the profile makes
 * read-only, and any other attribute sent with a different value, is {@code 400 mutability}; attributes the user
 * cannot edit that a PUT leaves out are kept. Profile validation failures are {@code 400 invalidValue}.
 */
public final class SelfService {

    private static final String ONLY = "only userName, name.givenName, name.familyName and emails can be changed "
            + "through /Me, as far as the realm's user profile lets users edit them";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserMapper mapper;

    public SelfService(KeycloakSession session, RealmModel realm, ScimUrls urls) {
        this.session = session;
        this.realm = realm;
        this.mapper = new UserMapper(session, realm, urls);
    }

    public UserMapper mapper() {
        return mapper;
    }

    /** PUT /Me: the body is the desired state; readOnly values (id, meta, groups) are ignored. */
    public ObjectNode replace(UserModel user, ObjectNode body, ScimAudit audit) {
        JsonNode bodyId = body.get("id");
        if (bodyId != null && bodyId.isTextual() && !bodyId.asText().equals(user.getId())) {
            throw ScimException.mutability("'id' in the body is not the id of the authenticated user");
        }
        return write(user, body, true, audit);
    }

    /** PATCH /Me: the operations are applied to the current SCIM form, which is then checked and written. */
    public ObjectNode patch(UserModel user, PatchRequest request, ScimAudit audit) {
        ObjectNode current = mapper.toJson(user, false);
        return write(user, PatchEngine.apply(current.deepCopy(), request, mapper.schema()), false, audit);
    }

    private ObjectNode write(UserModel user, ObjectNode desired, boolean keepAbsent, ScimAudit audit) {
        ObjectNode current = mapper.toJson(user, false);
        SelfChanges.requireOnlyEditable(current, desired, keepAbsent, ONLY);
        if (present(ScimJson.getIgnoreCase(desired, "password"))) {
            throw ScimException.mutability("'password' cannot be set through /Me; change it in the account console");
        }
        String userName = UserWriter.text(ScimJson.getIgnoreCase(desired, "userName"), "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("'userName' is required (RFC 7643 §4.1.1)");
        }
        JsonNode name = ScimJson.getIgnoreCase(desired, "name");
        String given = UserWriter.text(ScimJson.getIgnoreCase(name, "givenName"), "name.givenName");
        String family = UserWriter.text(ScimJson.getIgnoreCase(name, "familyName"), "name.familyName");
        JsonNode emails = ScimJson.getIgnoreCase(desired, "emails");
        String email = UserWriter.primaryEmail(emails);

        boolean renamed = !userName.equals(UserMapper.userName(user));
        boolean emailsChanged = !SelfChanges.equivalent(ScimJson.getIgnoreCase(current, "emails"), emails);
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(renamed ? userName : user.getUsername()));
        attributes.put(UserModel.FIRST_NAME, List.of(given == null ? "" : given));
        attributes.put(UserModel.LAST_NAME, List.of(family == null ? "" : family));
        attributes.put(UserModel.EMAIL, List.of(email == null ? "" : email));
        UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.ACCOUNT, attributes, user);
        Attributes allowed = profile.getAttributes();
        requireEditable(allowed, UserModel.USERNAME, "userName", renamed);
        requireEditable(allowed, UserModel.FIRST_NAME, "name.givenName", !same(given, user.getFirstName()));
        requireEditable(allowed, UserModel.LAST_NAME, "name.familyName", !same(family, user.getLastName()));
        requireEditable(allowed, UserModel.EMAIL, "emails", emailsChanged);
        update(profile);

        if (renamed) {
            user.setSingleAttribute(UserAttributes.USER_NAME, userName);
        }
        if (emailsChanged) {
            UserWriter.writeEmails(user, emails);
        }
        user.setSingleAttribute(UserAttributes.LAST_MODIFIED, Long.toString(System.currentTimeMillis()));
        ObjectNode json = mapper.toJson(user, true);
        audit.user(OperationType.UPDATE, user.getId(), json);
        return json;
    }

    private static void requireEditable(Attributes attributes, String profileName, String scimName, boolean changed) {
        if (changed && attributes.isReadOnly(profileName)) {
            throw ScimException.mutability("'" + scimName + "' is read-only for users in this realm's user profile");
        }
    }

    private static void update(UserProfile profile) {
        try {
            profile.update(false);
        } catch (ValidationException e) {
            String messages = e.getErrors().stream().map(error -> error.getAttribute() + ": " + error.getMessage())
                    .collect(Collectors.joining("; "));
            String lower = messages.toLowerCase(Locale.ROOT);
            if (lower.contains("read-only") || lower.contains("readonly")) {
                throw ScimException.mutability("The user profile refuses the change: " + messages);
            }
            if (lower.contains("exists")) {
                throw ScimException.uniqueness("The user profile reports a duplicate value: " + messages);
            }
            throw ScimException.invalidValue("The user profile rejected the request: " + messages);
        }
    }

    private static boolean same(String a, String b) {
        return Objects.equals(a == null ? "" : a, b == null ? "" : b);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
    }
}
