package dev.kcscim.server.group;

/** Keycloak group attributes in which SCIM values without a Keycloak column are kept. */
final class GroupAttributes {

    static final String EXTERNAL_ID = "kcscim.externalId";
    /** Epoch milliseconds of the SCIM create ({@code meta.created}); Keycloak groups have no timestamp. */
    static final String CREATED = "kcscim.created";
    /** Epoch milliseconds of the last SCIM write ({@code meta.lastModified}). */
    static final String LAST_MODIFIED = "kcscim.lastModified";

    private GroupAttributes() {
    }
}
