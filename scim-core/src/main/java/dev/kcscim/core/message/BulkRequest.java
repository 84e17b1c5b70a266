package dev.kcscim.core.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kcscim.core.ScimConstants;
import java.util.List;

/** A bulk request (RFC 7644 §3.7): {@code failOnErrors} (optional) and {@code Operations}. */
public record BulkRequest(List<String> schemas, Integer failOnErrors,
        @JsonProperty("Operations") List<BulkOperation> operations) {

    public BulkRequest {
        schemas = schemas == null ? List.of(ScimConstants.MESSAGE_BULK_REQUEST) : List.copyOf(schemas);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }
}
