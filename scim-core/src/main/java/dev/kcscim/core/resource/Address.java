package dev.kcscim.core.resource;

/** An entry of a User's {@code addresses} (RFC 7643 §4.1.2). */
public record Address(String formatted, String streetAddress, String locality, String region, String postalCode,
        String country, String type, Boolean primary) {
}
