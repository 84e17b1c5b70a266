package dev.kcscim.core.resource;

/** A User's {@code name} (RFC 7643 §4.1.1). */
public record Name(String formatted, String familyName, String givenName, String middleName, String honorificPrefix,
        String honorificSuffix) {

    public static Name of(String givenName, String familyName) {
        return new Name(null, familyName, givenName, null, null, null);
    }
}
