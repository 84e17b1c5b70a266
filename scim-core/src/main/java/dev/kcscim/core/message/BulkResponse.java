package dev.kcscim.core.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kcscim.core.ScimConstants;
import java.util.List;

/** A bulk response (RFC 7644 §3.7): one result per processed operation. */
public record BulkResponse(List<String> schemas, @JsonProperty("Operations") List<BulkOperation> operations) {

    public BulkResponse {
        schemas = schemas == null ? List.of(ScimConstants.MESSAGE_BULK_RESPONSE) : List.copyOf(schemas);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public static BulkResponse of(List<BulkOperation> operations) {
        return new BulkResponse(null, operations);
    }
}
