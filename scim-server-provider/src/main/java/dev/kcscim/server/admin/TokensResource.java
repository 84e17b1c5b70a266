package dev.kcscim.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.server.jpa.ProvisioningTokenEntity;
import dev.kcscim.server.token.ProvisioningTokens;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/tokens}: provisioning tokens for IdPs that cannot run OAuth
 * (Entra's "Secret Token", Okta's "HTTP Header"). POST returns the secret once (201 + {@code Location}); GET
 * lists and reads never show it; DELETE revokes at once. Reads need {@code view-realm}, writes
 * {@code manage-realm}: a token grants SCIM access to every user of the realm. Creating a {@code read-only} token
 * also needs {@code view-users}, a {@code read-write} one {@code manage-users}, since the token acts for its creator.
 * Create and revoke emit admin events. A create with {@code organizationId} makes an organization token: it works
 * only on {@code /realms/{realm}/scim-provisioning/organizations/{alias}/v2}; {@code GET ?organizationId=} lists an
 * organization's tokens.
 */
public final class TokensResource {

    private static final Logger LOG = Logger.getLogger(TokensResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public TokensResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("organizationId") String organizationId) {
        auth.realm().requireViewRealm();
        long now = System.currentTimeMillis();
        ArrayNode list = AdminJson.MAPPER.createArrayNode();
        tokens().list().stream()
                .filter(token -> organizationId == null || organizationId.equals(token.getOrganizationId()))
                .forEach(token -> list.add(TokenJson.toJson(token, now)));
        return AdminJson.ok(list);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        auth.realm().requireManageRealm();
        long now = System.currentTimeMillis();
        TokenJson.CreateRequest request = TokenJson.createRequest(AdminJson.object(body, TokenJson.CREATE_FIELDS), now);
        // a token acts for its creator, so it can only be given rights the creator has
        if (request.scope().canWrite() ? !auth.users().canManage() : !auth.users().canView()) {
            throw AdminJson.error(Response.Status.FORBIDDEN, "forbidden", "A " + request.scope().wire()
                    + " token needs its creator to hold realm-management "
                    + (request.scope().canWrite() ? "manage-users" : "view-users") + " as well");
        }
        if (request.organizationId() != null) {
            requireOrganization(request.organizationId());
        }
        ProvisioningTokens tokens = tokens();
        if (tokens.nameTaken(request.name())) {
            throw AdminJson.error(Response.Status.CONFLICT, "conflict",
                    "A provisioning token named '" + request.name() + "' already exists in this realm");
        }
        ProvisioningTokens.Created created;
        try {
            created = tokens.create(request.name(), request.scope(), request.expiresAt(), auth.adminAuth(),
                    request.organizationId());
        } catch (PersistenceException raced) {
            // a concurrent create with the same name won the unique constraint
            throw AdminJson.error(Response.Status.CONFLICT, "conflict",
                    "A provisioning token named '" + request.name() + "' already exists in this realm");
        }
        ObjectNode json = TokenJson.toJson(created.token(), now);
        AdminAudit.send(session, realm, auth, AdminAudit.TOKEN, OperationType.CREATE, json, "tokens", created.token().getId());
        LOG.infof("SCIM provisioning token %s (%s) created in realm %s for organization %s", created.token().getId(),
                request.scope().wire(), realm.getName(), request.organizationId());
        ObjectNode withSecret = json.deepCopy().put("secret", created.secret());
        return AdminJson.created(withSecret,
                session.getContext().getUri().getAbsolutePathBuilder().path(created.token().getId()).build().toString());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return AdminJson.ok(TokenJson.toJson(find(id), System.currentTimeMillis()));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        ProvisioningTokenEntity token = find(id);
        ObjectNode json = TokenJson.toJson(token, System.currentTimeMillis());
        tokens().revoke(id);
        AdminAudit.send(session, realm, auth, AdminAudit.TOKEN, OperationType.DELETE, json, "tokens", id);
        LOG.infof("SCIM provisioning token %s revoked in realm %s", id, realm.getName());
        return Response.noContent().build();
    }

    /**
     * An organization token needs organizations switched on in the realm, an existing organization, and the right to
     * manage it (Keycloak's {@code orgs().canManage}, which fine-grained admin permissions v2 can grant per
     * organization); the realm-wide requirements above still apply, since the token acts with its creator's rights.
     */
    private void requireOrganization(String organizationId) {
        if (!realm.isOrganizationsEnabled()) {
            throw AdminJson.badRequest("Organizations are disabled in realm '" + realm.getName()
                    + "'; enable them before creating an organization token");
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = organizationId.length() > 36 ? null : organizations.getById(organizationId);
        if (organization == null) {
            throw AdminJson.badRequest("'organizationId' names no organization of realm '" + realm.getName() + "'");
        }
        if (!auth.orgs().canManage(organization)) {
            throw AdminJson.error(Response.Status.FORBIDDEN, "forbidden",
                    "Creating a token for organization '" + organization.getAlias() + "' needs the right to manage it");
        }
    }

    private ProvisioningTokenEntity find(String id) {
        return tokens().find(id).orElseThrow(() -> AdminJson.notFound("Provisioning token '" + id + "'"));
    }

    private ProvisioningTokens tokens() {
        return new ProvisioningTokens(session, realm);
    }
}
