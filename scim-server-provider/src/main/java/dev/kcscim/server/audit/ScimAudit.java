package dev.kcscim.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.server.auth.ScimCaller;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Emits one Keycloak admin event per SCIM write, with the resource path Keycloak's own admin REST API uses
 * ({@code users/{id}}, {@code groups/{id}}, {@code users/{uid}/groups/{gid}}) and the SCIM representation,
 * so the admin console and every event listener (the outbound provisioning included) see SCIM changes.
 * The event's auth details are the caller's {@link ScimCaller#adminAuth()}; the detail {@value #DETAIL_SOURCE}
 * holds the {@link dev.kcscim.server.auth.InboundSource} ({@code token:<id>} or {@code client:<clientId>}).
 */
public final class ScimAudit {

    /** Admin event detail naming the SCIM caller. */
    public static final String DETAIL_SOURCE = "scimSource";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ScimCaller caller;
    private final ClientConnection connection;

    public ScimAudit(KeycloakSession session, RealmModel realm, ScimCaller caller) {
        this(session, realm, caller, session.getContext().getConnection());
    }

    /** For work in a session of its own (a /Bulk operation), with the connection of the HTTP request. */
    public ScimAudit(KeycloakSession session, RealmModel realm, ScimCaller caller, ClientConnection connection) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.connection = connection;
    }

    public void user(OperationType operation, String userId, JsonNode representation) {
        send(ResourceType.USER, operation, representation, "users", userId);
    }

    public void group(OperationType operation, String groupId, JsonNode representation) {
        send(ResourceType.GROUP, operation, representation, "groups", groupId);
    }

    /** A user joined ({@code CREATE}) or left ({@code DELETE}) a group. */
    public void membership(OperationType operation, String userId, String groupId, JsonNode group) {
        send(ResourceType.GROUP_MEMBERSHIP, operation, group, "users", userId, "groups", groupId);
    }

    private void send(ResourceType type, OperationType operation, JsonNode representation, String... path) {
        AdminEventBuilder event = new AdminEventBuilder(realm, caller.adminAuth(), session, connection)
                .resource(type)
                .operation(operation)
                .resourcePath(path);
        if (representation != null) {
            event.representation(representation);
        }
        // who really sent it: a provisioning token acts for its creator, so the token is named here
        event.detail(DETAIL_SOURCE, caller.source());
        event.success();
    }
}
