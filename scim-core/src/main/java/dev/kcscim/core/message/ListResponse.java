package dev.kcscim.core.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kcscim.core.ScimConstants;
import java.util.List;

/**
 * A query result (RFC 7644 §3.4.2): {@code totalResults}, the 1-based {@code startIndex}, {@code itemsPerPage}
 * and {@code Resources} (capitalised on the wire). Numbers are integers, as Okta's import requires.
 */
public record ListResponse<T>(
        List<String> schemas,
        long totalResults,
        Integer startIndex,
        Integer itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    public ListResponse {
        schemas = schemas == null ? List.of(ScimConstants.MESSAGE_LIST_RESPONSE) : List.copyOf(schemas);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** One page: {@code resources} starting at {@code startIndex} out of {@code totalResults}. */
    public static <T> ListResponse<T> of(List<T> resources, long totalResults, int startIndex) {
        return new ListResponse<>(null, totalResults, startIndex, resources.size(), resources);
    }
}
