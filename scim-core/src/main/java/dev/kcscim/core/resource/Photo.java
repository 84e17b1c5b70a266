package dev.kcscim.core.resource;

/** An entry of a User's {@code photos} (RFC 7643 §4.1.2); {@code value} is a URL. */
public record Photo(String value, String display, String type, Boolean primary) {

    public static Photo of(String value, String type) {
        return new Photo(value, null, type, null);
    }
}
