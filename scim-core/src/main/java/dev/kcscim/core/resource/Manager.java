package dev.kcscim.core.resource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Enterprise User {@code manager} (RFC 7643 §4.3): the manager's id, URI and display name. */
public record Manager(String value, @JsonProperty("$ref") String ref, String displayName) {
}
