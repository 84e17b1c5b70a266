package dev.kcscim.client.admin;

import dev.kcscim.client.delivery.SyncRuns;
import dev.kcscim.client.jpa.SyncRunEntity;
import dev.kcscim.client.targets.TargetConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * {@code .../targets/{id}/sync}: start a full sync and reconciliation (202 with the run and its {@code Location}),
 * list the last runs, read one run's progress and drift report. The run itself happens later on a background
 * thread of one node; a start while a run is queued or running returns that run.
 */
public final class SyncResource {

    private static final Logger LOG = Logger.getLogger(SyncResource.class);
    static final String TRIGGER = "manual";

    private final TargetResource target;

    SyncResource(TargetResource target) {
        this.target = target;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response start() {
        target.auth().realm().requireManageRealm();
        if (!TargetConfig.of(target.model()).enabled()) {
            throw AdminResponses.error(Response.Status.CONFLICT, "The target is disabled; enable it to sync", null);
        }
        SyncRuns.Queued queued = SyncRuns.enqueue(target.em(), target.model().getParentId(), target.model().getId(),
                TRIGGER, System.currentTimeMillis());
        if (queued.created()) {
            LOG.infof("SCIM full sync %s queued (realm %s, target %s)", queued.run().getId(),
                    target.model().getParentId(), target.model().getId());
        }
        target.afterCommit(dispatcher -> dispatcher.syncRunner().wake());
        String location = target.uri().getAbsolutePathBuilder().path(queued.run().getId()).build().toString();
        return Response.status(Response.Status.ACCEPTED).header("Location", location)
                .entity(SyncRuns.toJson(queued.run()).toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The last runs, newest first (at most {@link SyncRuns#KEEP} finished ones are kept). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return AdminResponses.ok(SyncRuns.toJson(SyncRuns.recent(target.em(), target.model().getId(),
                SyncRuns.KEEP + 1)));
    }

    @GET
    @Path("{runId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("runId") String runId) {
        SyncRunEntity run = SyncRuns.find(target.em(), target.model().getId(), runId);
        if (run == null) {
            throw AdminResponses.notFound("sync run '" + runId + "'");
        }
        return AdminResponses.ok(SyncRuns.toJson(run));
    }
}
