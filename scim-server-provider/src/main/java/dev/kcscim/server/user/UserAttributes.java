package dev.kcscim.server.user;

/**
 * Names of the Keycloak user attributes in which SCIM values without a Keycloak column are kept. They are
 * unmanaged by the user profile (so hidden from the account console unless a realm declares them) and
 * carry the {@code kcscim.} prefix so they never collide with a realm's own attributes.
 */
final class UserAttributes {

    static final String PREFIX = "kcscim.";
    /** {@code userName} exactly as sent; Keycloak keeps the username lower-cased. */
    static final String USER_NAME = PREFIX + "userName";
    static final String EXTERNAL_ID = PREFIX + "externalId";
    /** Epoch milliseconds of the last SCIM write ({@code meta.lastModified}). */
    static final String LAST_MODIFIED = PREFIX + "lastModified";
    /** Every email value, lower-cased, so {@code emails.value eq} can be answered by the database. */
    static final String EMAIL_VALUE = PREFIX + "emailValue";
    /** Prefix of sub-attributes of {@code name} other than givenName/familyName. */
    static final String NAME_PREFIX = PREFIX + "name.";
    /** Prefix of enterprise extension attributes (RFC 7643 §4.3). */
    static final String ENTERPRISE_PREFIX = PREFIX + "enterprise.";

    private UserAttributes() {
    }

    /** The attribute holding the core attribute {@code scimName} (its JSON text when complex or multi-valued). */
    static String core(String scimName) {
        return PREFIX + scimName;
    }

    static String enterprise(String scimName) {
        return ENTERPRISE_PREFIX + scimName;
    }
}
