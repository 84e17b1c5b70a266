package dev.kcscim.core.resource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of a Group's {@code members} (RFC 7643 §4.2); {@code type} is User or Group. */
public record Member(String value, @JsonProperty("$ref") String ref, String type, String display) {

    public static Member user(String id) {
        return new Member(id, null, "User", null);
    }
}
