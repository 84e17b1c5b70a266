package dev.kcscim.server.group;

/** Keycloak group attributes in which SCIM values without a Keycloak column are kept. */
final class GroupAttributes {

    static final String EXTERNAL_ID = "kcscim.externalId";
    /** Epoch milliseconds of the SCIM create ({@code meta.created}); Keycloak groups have no timestamp. */
    static final String CREATED = "kcscim.created";
    /** Epoch milliseconds of the last SCIM write ({@code meta.lastModified}). */
    static final String LAST_MODIFIED = "kcscim.lastModified";

    /**
     * A random value replaced whenever the group's direct user members change, by any API (see
     * {@link MembershipStamps}); part of the group's {@code meta.version} so that the version follows
     * membership without reading the members.
     */
    static final String MEMBERS_STAMP = "kcscim.membersStamp";

    private GroupAttributes() {
    }
}
