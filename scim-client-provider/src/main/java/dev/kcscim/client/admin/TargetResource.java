package dev.kcscim.client.admin;

import dev.kcscim.client.ScimProvisioningEventListenerProviderFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.delivery.Dispatcher;
import dev.kcscim.client.delivery.Preview;
import dev.kcscim.client.delivery.TargetProbe;
import dev.kcscim.client.outbox.OutboxStats;
import dev.kcscim.client.targets.TargetConfig;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code .../targets/{id}}: read, replace, delete, test, delivery status, dead letters. */
public final class TargetResource {

    private static final Logger LOG = Logger.getLogger(TargetResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final ComponentModel model;
    private final TargetsResource targets;

    TargetResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, ComponentModel model,
            TargetsResource targets) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.model = model;
        this.targets = targets;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return AdminResponses.ok(TargetJson.toJson(model));
    }

    /** Replaces the target; a secret sent back as the mask keeps its stored value. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(String body) {
        auth.realm().requireManageRealm();
        ComponentModel updated = targets.validated(TargetsResource.parse(body), model);
        TargetsResource.store(() -> {
            realm.updateComponent(updated);
            return updated;
        });
        LOG.infof("SCIM target %s updated in realm %s", model.getId(), realm.getId());
        afterCommit(Dispatcher::wake);
        return AdminResponses.ok(TargetJson.toJson(realm.getComponent(model.getId())));
    }

    /** Deletes the target with its queue and remote-id links. */
    @DELETE
    public Response delete() {
        auth.realm().requireManageRealm();
        realm.removeComponent(model);
        LOG.infof("SCIM target %s deleted from realm %s", model.getId(), realm.getId());
        return Response.noContent().build();
    }

    /** Connectivity, authentication and the target's ServiceProviderConfig. */
    @POST
    @Path("test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response test() {
        auth.realm().requireManageRealm();
        return AdminResponses.ok(TargetProbe.probe(session, TargetConfig.of(model)));
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return AdminResponses.ok(OutboxStats.status(em(), model.getId(), System.currentTimeMillis())
                .put("name", model.getName()).put("enabled", TargetConfig.of(model).enabled()));
    }

    /** A dry run: the SCIM request a sync of {@code user} would send to this target now, and whether it is in scope. */
    @GET
    @Path("preview")
    @Produces(MediaType.APPLICATION_JSON)
    public Response preview(@QueryParam("user") String userId) {
        auth.users().requireView();
        if (userId == null || userId.isBlank()) {
            throw AdminResponses.error(Response.Status.BAD_REQUEST, "The query parameter 'user' (a user id) is required",
                    null);
        }
        ObjectNode preview = Preview.of(session, realm, model, userId);
        if (preview == null) {
            throw AdminResponses.notFound("user '" + userId + "'");
        }
        return AdminResponses.ok(preview);
    }

    @Path("dead-letters")
    public DeadLettersResource deadLetters() {
        return new DeadLettersResource(this);
    }

    /** Full sync and reconciliation runs with their drift reports. */
    @Path("sync")
    public SyncResource sync() {
        return new SyncResource(this);
    }

    jakarta.ws.rs.core.UriInfo uri() {
        return session.getContext().getUri();
    }

    ComponentModel model() {
        return model;
    }

    AdminPermissionEvaluator auth() {
        return auth;
    }

    EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Runs {@code action} on this node's dispatcher once the transaction committed. */
    void afterCommit(java.util.function.Consumer<Dispatcher> action) {
        Object factory = session.getKeycloakSessionFactory().getProviderFactory(EventListenerProvider.class,
                ScimProvisioningEventListenerProviderFactory.PROVIDER_ID);
        if (!(factory instanceof ScimProvisioningEventListenerProviderFactory)) {
            return;
        }
        Dispatcher dispatcher = ((ScimProvisioningEventListenerProviderFactory) factory).dispatcher();
        if (dispatcher == null) {
            return;
        }
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                action.accept(dispatcher);
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }
}
