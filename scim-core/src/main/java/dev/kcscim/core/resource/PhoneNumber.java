package dev.kcscim.core.resource;

/** An entry of a User's {@code phoneNumbers} (RFC 7643 §4.1.2). */
public record PhoneNumber(String value, String display, String type, Boolean primary) {

    public static PhoneNumber of(String value, String type) {
        return new PhoneNumber(value, null, type, null);
    }
}
