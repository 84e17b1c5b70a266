package dev.kcscim.server.user;

/**
 * Names of the Keycloak user attributes in which SCIM values without a Keycloak column are kept. They are
 * unmanaged by the user profile (so hidden from the account console unless a realm declares them) and
 * carry the {@code kcscim.} prefix so they never collide with a realm's own attributes.
 */
final class UserAttributes {

    static final String PREFIX = "kcscim.";
    /**
     * {@code userName} exactly as sent; Keycloak keeps the username lower-cased. A create stores it only when it
     * differs from that lower-cased username (readers fall back to the username when it is absent).
     */
    static final String USER_NAME = PREFIX + "userName";
    static final String EXTERNAL_ID = PREFIX + "externalId";
    /** Epoch milliseconds of the last SCIM change ({@code meta.lastModified}); absent until the first change after creation. */
    static final String LAST_MODIFIED = PREFIX + "lastModified";
    /**
     * The email values, lower-cased, other than Keycloak's own email (which has an indexed column), so
     * {@code emails.value eq} can be answered by the database. Users written before this rule also hold that one.
     */
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
