package dev.kcscim.server.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operation of a bulk request (RFC 7644 §3.7): {@code method}, {@code path}, optional {@code bulkId}
 * (required for POST), {@code version} (an {@code If-Match} for PUT, PATCH and DELETE) and {@code data}.
 * An operation that is malformed keeps its {@code problem}, reported as its own result, so the others still run.
 */
public record BulkOp(int index, String method, String bulkId, String version, String path, JsonNode data,
                     ScimException problem) {

    /** The request's {@code failOnErrors} (0 when absent: never stop) and operations. */
    public record Request(int failOnErrors, List<BulkOp> operations) {
    }

    /** Reads a BulkRequest body; the envelope must be valid ({@code 400 invalidSyntax} otherwise). */
    public static Request read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("A bulk request must be a JSON object");
        }
        JsonNode schemas = ScimJson.getIgnoreCase(body, "schemas");
        boolean named = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode schema : schemas) {
                named |= schema.asText().equalsIgnoreCase(ScimConstants.MESSAGE_BULK_REQUEST);
            }
        }
        if (!named) {
            throw ScimException.invalidSyntax("A bulk request must have \"schemas\": [\"" + ScimConstants.MESSAGE_BULK_REQUEST + "\"]");
        }
        JsonNode fail = ScimJson.getIgnoreCase(body, "failOnErrors");
        int failOnErrors = 0;
        if (fail != null && !fail.isNull()) {
            if (!fail.canConvertToInt() || !fail.isIntegralNumber() || fail.intValue() < 1) {
                throw ScimException.invalidValue("'failOnErrors' must be a positive integer");
            }
            failOnErrors = fail.intValue();
        }
        JsonNode operations = ScimJson.getIgnoreCase(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("A bulk request needs an 'Operations' array");
        }
        List<BulkOp> ops = new ArrayList<>();
        for (JsonNode operation : operations) {
            ops.add(one(ops.size(), operation));
        }
        return new Request(failOnErrors, ops);
    }

    private static BulkOp one(int index, JsonNode node) {
        if (!node.isObject()) {
            return new BulkOp(index, null, null, null, null, null, ScimException.invalidSyntax("An operation must be a JSON object"));
        }
        String method = text(node, "method");
        String bulkId = text(node, "bulkId");
        String version = text(node, "version");
        String path = text(node, "path");
        JsonNode data = ScimJson.getIgnoreCase(node, "data");
        ScimException problem = null;
        if (method == null || path == null) {
            problem = ScimException.invalidSyntax("An operation needs 'method' and 'path'");
        } else if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method.toUpperCase(Locale.ROOT))) {
            problem = ScimException.methodNotAllowed("Bulk operations are POST, PUT, PATCH or DELETE, not " + method);
        } else if (method.equalsIgnoreCase("POST") && bulkId == null) {
            problem = ScimException.invalidSyntax("A POST operation needs a 'bulkId' (RFC 7644 §3.7)");
        } else if (!method.equalsIgnoreCase("DELETE") && (data == null || !data.isObject())) {
            problem = ScimException.invalidSyntax("A " + method.toUpperCase(Locale.ROOT) + " operation needs 'data' (a JSON object)");
        }
        return new BulkOp(index, method == null ? null : method.toUpperCase(Locale.ROOT), bulkId, version, path, data, problem);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = ScimJson.getIgnoreCase(node, name);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
