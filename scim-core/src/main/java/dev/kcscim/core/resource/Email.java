package dev.kcscim.core.resource;

/** An entry of a User's {@code emails} (RFC 7643 §4.1.2); {@code type} is work, home or other. */
public record Email(String value, String display, String type, Boolean primary) {

    public static Email of(String value, String type) {
        return new Email(value, null, type, null);
    }
}
