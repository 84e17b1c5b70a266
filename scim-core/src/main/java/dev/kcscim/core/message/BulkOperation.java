package dev.kcscim.core.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code Operations} in a bulk request or response (RFC 7644 §3.7): requests use
 * {@code method}, {@code bulkId}, {@code version}, {@code path}, {@code data}; responses use {@code method},
 * {@code bulkId}, {@code version}, {@code location}, {@code status} (a string, e.g. "201") and
 * {@code response} (an error body on failure).
 */
public record BulkOperation(String method, String bulkId, String version, String path, JsonNode data,
        String location, String status, JsonNode response) {

    public static BulkOperation request(String method, String bulkId, String path, JsonNode data) {
        return new BulkOperation(method, bulkId, null, path, data, null, null, null);
    }

    public static BulkOperation result(String method, String bulkId, String location, int status, JsonNode response) {
        return new BulkOperation(method, bulkId, null, null, null, location, Integer.toString(status), response);
    }
}
