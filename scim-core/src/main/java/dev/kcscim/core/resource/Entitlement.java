package dev.kcscim.core.resource;

/** An entry of a User's {@code entitlements} (RFC 7643 §4.1.2). */
public record Entitlement(String value, String display, String type, Boolean primary) {

    public static Entitlement of(String value, String type) {
        return new Entitlement(value, null, type, null);
    }
}
