package dev.kcscim.core.resource;

/** An entry of a User's {@code roles} (RFC 7643 §4.1.2). */
public record Role(String value, String display, String type, Boolean primary) {

    public static Role of(String value, String type) {
        return new Role(value, null, type, null);
    }
}
