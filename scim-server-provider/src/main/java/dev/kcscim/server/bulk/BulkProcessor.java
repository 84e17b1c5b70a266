package dev.kcscim.server.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.bulk.BulkPlan;
import dev.kcscim.core.bulk.BulkReferences;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.message.ErrorResponse;
import dev.kcscim.server.http.ScimErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Processes a bulk request (RFC 7644 §3.7). Operations run in {@link BulkPlan} order (an operation after the
 * POSTs whose bulkIds it uses), each in a Keycloak transaction of its own, in a fresh session bound to the
 * request's realm: a failing operation rolls back only itself, the ones before it stay committed and each
 * emits its own admin events on commit. Processing stops once {@code failOnErrors} errors occurred; the response
 * lists the operations processed, in processing order. A reference to a POST that failed is a {@code 409}.
 */
public final class BulkProcessor {

    private static final Logger LOG = Logger.getLogger(BulkProcessor.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KeycloakSession session;
    private final BulkRunner runner;

    public BulkProcessor(KeycloakSession session, dev.kcscim.server.http.ScimUrls urls, dev.kcscim.server.auth.ScimCaller caller) {
        this.session = session;
        this.runner = new BulkRunner(urls, caller, session.getContext().getConnection(),
                dev.kcscim.server.org.OrgContext.id(session));
    }

    /** The BulkResponse for {@code request}. */
    public ObjectNode process(BulkOp.Request request) {
        List<BulkOp> ops = request.operations();
        List<BulkPlan.Step> steps = new ArrayList<>();
        for (BulkOp op : ops) {
            Set<String> refs = op.problem() == null ? BulkReferences.in(op.path(), op.data()) : Set.of();
            steps.add(new BulkPlan.Step(op.method(), op.bulkId(), refs));
        }
        BulkPlan plan = BulkPlan.of(steps);
        List<Integer> order = sequence(plan, ops);
        Map<String, String> ids = new HashMap<>();
        ArrayNode results = NODES.arrayNode();
        int errors = 0;
        for (int index : order) {
            BulkOp op = ops.get(index);
            ScimException known = op.problem() != null ? op.problem() : plan.errors().get(index);
            ObjectNode result = known != null ? failure(op, known) : execute(op, ids);
            results.add(result);
            if (result.path("status").asInt() >= 400) {
                errors++;
                if (request.failOnErrors() > 0 && errors >= request.failOnErrors()) {
                    break;
                }
            }
        }
        ObjectNode response = NODES.objectNode();
        response.putArray("schemas").add(ScimConstants.MESSAGE_BULK_RESPONSE);
        response.set("Operations", results);
        return response;
    }

    /**
     * The processing order: the plan's order for the operations that can run, with each operation that cannot
     * (malformed, bad reference, cycle) reported at its place in the request.
     */
    private static List<Integer> sequence(BulkPlan plan, List<BulkOp> ops) {
        java.util.ArrayDeque<Integer> blocked = new java.util.ArrayDeque<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).problem() != null || plan.errors().containsKey(i)) {
                blocked.add(i);
            }
        }
        List<Integer> sequence = new ArrayList<>();
        for (int planned : plan.order()) {
            if (ops.get(planned).problem() != null) {
                continue;
            }
            while (!blocked.isEmpty() && blocked.peek() < planned) {
                sequence.add(blocked.poll());
            }
            sequence.add(planned);
        }
        sequence.addAll(blocked);
        return sequence;
    }

    private ObjectNode execute(BulkOp op, Map<String, String> ids) {
        for (String reference : BulkReferences.in(op.path(), op.data())) {
            if (!ids.containsKey(reference)) {
                return failure(op, ScimException.conflict("bulkId '" + reference
                        + "' cannot be resolved: the operation that creates it failed"));
            }
        }
        String path = BulkReferences.substitute(op.path(), ids);
        JsonNode data = BulkReferences.substitute(op.data(), ids);
        try {
            BulkRunner.Outcome outcome = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    session.getContext(), inner -> runner.run(inner, op.method(), path, data, op.version()),
                    "SCIM bulk " + op.method() + " " + path);
            if (op.bulkId() != null && op.method().equals("POST")) {
                ids.put(op.bulkId(), outcome.id());
            }
            ObjectNode result = base(op);
            result.put("location", outcome.location());
            if (outcome.version() != null) {
                result.put("version", outcome.version());
            }
            result.put("status", Integer.toString(outcome.status()));
            return result;
        } catch (RuntimeException e) {
            ScimException scim = ScimErrors.toScimException(e);
            if (scim.status() >= 500) {
                LOG.warnf(e, "SCIM bulk %s %s in realm %s failed", op.method(), path, session.getContext().getRealm().getName());
            }
            return failure(op, scim);
        }
    }

    private static ObjectNode failure(BulkOp op, ScimException error) {
        ObjectNode result = base(op);
        result.put("status", Integer.toString(error.status()));
        result.set("response", ScimJson.mapper().valueToTree(ErrorResponse.of(error)));
        return result;
    }

    private static ObjectNode base(BulkOp op) {
        ObjectNode result = NODES.objectNode();
        if (op.method() != null) {
            result.put("method", op.method());
        }
        if (op.bulkId() != null) {
            result.put("bulkId", op.bulkId());
        }
        return result;
    }
}
