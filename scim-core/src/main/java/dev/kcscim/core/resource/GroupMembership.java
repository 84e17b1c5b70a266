package dev.kcscim.core.resource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of a User's read-only {@code groups} (RFC 7643 §4.1.2); {@code type} is direct or indirect. */
public record GroupMembership(String value, @JsonProperty("$ref") String ref, String display, String type) {
}
