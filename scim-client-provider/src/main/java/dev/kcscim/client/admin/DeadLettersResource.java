package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.delivery.Dispatcher;
import dev.kcscim.client.outbox.OutboxStats;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code .../targets/{id}/dead-letters}: changes that failed for good (a non-retryable 4xx, or the retry budget
 * ran out). Retrying puts them back in the queue with a fresh budget; discarding deletes them.
 */
public final class DeadLettersResource {

    private static final int MAX_PAGE = 500;

    private final TargetResource target;

    DeadLettersResource(TargetResource target) {
        this.target = target;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw AdminResponses.error(Response.Status.BAD_REQUEST, "first must be >= 0 and max between 1 and "
                    + MAX_PAGE, null);
        }
        return AdminResponses.ok(OutboxStats.deadLetters(target.em(), target.model().getId(), first, max));
    }

    @POST
    @Path("retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retryAll() {
        return retry(null);
    }

    @POST
    @Path("{rowId}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retryOne(@PathParam("rowId") String rowId) {
        // The role check comes before the id is read: a caller without manage-realm learns nothing, not even a 404
        target.auth().realm().requireManageRealm();
        return retry(rowId(rowId));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response discardAll() {
        return discard(null);
    }

    @DELETE
    @Path("{rowId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discardOne(@PathParam("rowId") String rowId) {
        target.auth().realm().requireManageRealm();
        return discard(rowId(rowId));
    }

    private Response retry(Long rowId) {
        target.auth().realm().requireManageRealm();
        int count = OutboxStats.retryDead(target.em(), target.model().getId(), rowId, System.currentTimeMillis());
        if (rowId != null && count == 0) {
            throw AdminResponses.notFound("dead letter '" + rowId + "'");
        }
        target.afterCommit(Dispatcher::wake);
        return AdminResponses.ok(result("retried", count));
    }

    private Response discard(Long rowId) {
        target.auth().realm().requireManageRealm();
        int count = OutboxStats.discardDead(target.em(), target.model().getId(), rowId);
        if (rowId != null && count == 0) {
            throw AdminResponses.notFound("dead letter '" + rowId + "'");
        }
        return AdminResponses.ok(result("discarded", count));
    }

    private static Long rowId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw AdminResponses.notFound("dead letter '" + value + "'");
        }
    }

    private static ObjectNode result(String what, int count) {
        return JsonNodeFactory.instance.objectNode().put(what, count);
    }
}
