package dev.kcscim.core.resource;

/** An entry of a User's {@code ims} (RFC 7643 §4.1.2). */
public record InstantMessaging(String value, String display, String type, Boolean primary) {

    public static InstantMessaging of(String value, String type) {
        return new InstantMessaging(value, null, type, null);
    }
}
