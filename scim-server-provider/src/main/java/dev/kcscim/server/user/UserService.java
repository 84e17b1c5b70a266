package dev.kcscim.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.patch.PatchEngine;
import dev.kcscim.core.patch.PatchRequest;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.http.ScimUrls;
import dev.kcscim.server.org.OrgContext;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * SCIM User operations (RFC 7644 §3.3, §3.4.1, §3.5.1, §3.5.2, §3.6) over Keycloak's users. Service-account
 * users do not exist for SCIM. Each write emits one admin event; errors propagate as exceptions so the
 * caller's error mapping rolls the transaction back.
 */
public final class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserMapper mapper;
    private final UserWriter writer;

    public UserService(KeycloakSession session, RealmModel realm, ScimUrls urls) {
        this.session = session;
        this.realm = realm;
        this.mapper = new UserMapper(session, realm, urls);
        this.writer = new UserWriter(session, realm, mapper.custom());
    }

    public UserMapper mapper() {
        return mapper;
    }

    /** POST /Users: the created resource. */
    public ObjectNode create(ObjectNode body, ScimAudit audit) {
        UserModel user = writer.create(body);
        if (OrgContext.current(session) != null && (user.getEmail() == null || user.getEmail().isBlank())) {
            // Keycloak validates every later change of a managed member against its email ("Email not set");
            // refusing now (the error rolls the creation back) beats a user nobody can update
            throw ScimException.invalidValue("A user created through an organization's endpoint needs an email "
                    + "(emails[primary eq true].value): Keycloak requires one of the organization's managed members");
        }
        OrgContext.admit(session, user);
        ObjectNode json = mapper.toJsonOfNew(user);
        audit.user(OperationType.CREATE, user.getId(), json);
        LOG.debugf("SCIM created user %s in realm %s", user.getId(), realm.getName());
        return json;
    }

    /** GET /Users/{id}; {@code withGroups} false when the projection leaves {@code groups} out. */
    public ObjectNode get(String id, boolean withGroups) {
        return mapper.toJson(find(id), withGroups);
    }

    /** PUT /Users/{id}: full replace; readOnly values in the body (id, meta, groups) are ignored. */
    public ObjectNode replace(String id, ObjectNode body, ScimAudit audit) {
        UserModel user = find(id);
        JsonNode bodyId = body.get("id");
        if (bodyId != null && bodyId.isTextual() && !bodyId.asText().equals(id)) {
            // RFC 7643 §3.1: id is readOnly and assigned by us; a different one means the wrong resource
            throw ScimException.mutability("'id' in the body does not match the resource");
        }
        writer.update(user, body);
        ObjectNode json = mapper.toJson(user, true);
        audit.user(OperationType.UPDATE, user.getId(), json);
        return json;
    }

    /** PATCH /Users/{id}: the operations are applied to the SCIM form, which is then written back whole. */
    public ObjectNode patch(String id, PatchRequest request, ScimAudit audit) {
        UserModel user = find(id);
        ObjectNode current = mapper.toJson(user, false);
        ObjectNode patched = PatchEngine.apply(current, request, mapper.schema());
        writer.update(user, patched);
        ObjectNode json = mapper.toJson(user, true);
        audit.user(OperationType.UPDATE, user.getId(), json);
        return json;
    }

    /** DELETE /Users/{id}. */
    public void delete(String id, ScimAudit audit) {
        UserModel user = find(id);
        ObjectNode json = mapper.toJson(user, false);
        session.users().removeUser(realm, user);
        audit.user(OperationType.DELETE, id, json);
        LOG.debugf("SCIM deleted user %s in realm %s", id, realm.getName());
    }

    /** The user with this id; 404 for unknown, malformed and service-account ids, and for non-members in an organization. */
    public UserModel find(String id) {
        UserModel user = id == null || id.isBlank() || id.length() > 255 ? null : session.users().getUserById(realm, id);
        if (user == null || user.getServiceAccountClientLink() != null || !OrgContext.sees(session, user)) {
            throw ScimException.notFound("User '" + id + "' not found");
        }
        return user;
    }
}
