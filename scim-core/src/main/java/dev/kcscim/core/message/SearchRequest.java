package dev.kcscim.core.message;

import dev.kcscim.core.ScimConstants;
import java.util.List;

/** The body of a POST {@code .search} (RFC 7644 §3.4.3); every member but {@code schemas} is optional. */
public record SearchRequest(
        List<String> schemas,
        List<String> attributes,
        List<String> excludedAttributes,
        String filter,
        String sortBy,
        SortOrder sortOrder,
        Integer startIndex,
        Integer count) {

    public SearchRequest {
        schemas = schemas == null ? List.of(ScimConstants.MESSAGE_SEARCH_REQUEST) : List.copyOf(schemas);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        excludedAttributes = excludedAttributes == null ? List.of() : List.copyOf(excludedAttributes);
    }

    /** A request with just a filter. */
    public static SearchRequest filter(String filter) {
        return new SearchRequest(null, null, null, filter, null, null, null, null);
    }
}
