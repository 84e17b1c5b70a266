package dev.kcscim.core.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every filter of the differential corpus (seed and size in {@link FilterDifferentialTest}) on which we
 * and the UnboundID SCIM 2 SDK 4.0.0 disagree, with the reason our answer stands. Regenerate the candidates
 * with {@code -Ddifferential.print=true} after changing the corpus; an entry is needed only for a real
 * semantic difference, never to hide a bug.
 */
final class KnownFilterDifferences {

    /**
     * RFC 7643 §2.4 makes {@code value} the primary sub-attribute of a multi-valued complex attribute, and
     * RFC 7644 §3.4.2.2 filters with {@code emails co "example.com"}: we compare each element's
     * {@code value}; UnboundID compares the element objects as text and so never matches.
     */
    static final String COMPLEX_VALUE = "complex attribute without sub-attribute compares 'value'";

    /**
     * RFC 7644 §3.4.2.2: gt/ge/lt/le on a boolean "SHALL" be rejected with 400 invalidFilter. We reject the
     * filter from the schema whatever the resource holds; UnboundID only when the resource has a value.
     */
    static final String BOOLEAN_ORDERING = "ordering a boolean is invalidFilter even when the attribute is absent";

    /**
     * The attribute is not in the schema: we match no comparison on it ({@code ne} and {@code eq null}
     * included), as Keycloak's own SCIM treats unknown attributes as the empty set; UnboundID, being
     * schema-less, treats it as an absent attribute.
     */
    static final String UNKNOWN_ATTRIBUTE = "unknown attribute matches nothing";

    /** RFC 7643 §2.5: null is the same as unassigned; UnboundID compares {@code "nickName": null} as "null". */
    static final String NULL_IS_UNASSIGNED = "a JSON null is unassigned, not the text \"null\"";

    /** RFC 7644 §3.4.2.2 "pr": only a non-empty value is present; UnboundID counts {@code "title": ""}. */
    static final String EMPTY_STRING_NOT_PRESENT = "an empty string is not present";

    static final Map<String, String> BY_FILTER = new LinkedHashMap<>();

    static {
        known("(((groups[display eq \"admins\" or DISPLAY sw \"9\"]) or displayName ge \"John Smith\") or not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber sw \"-\")) and emails eq \"test.user@okta.local\"", COMPLEX_VALUE);
        known("((ID sw \"\" and nosuch eq null) or (phoneNumbers.value LE \"+49 30 1234567\" or name.givenName co \"ü\")) and (((nickName lt \"Babs\") and meta.lastModified le \"2025-01-01T00:00:00Z\") or meta.lastModified pr)", UNKNOWN_ATTRIBUTE);
        known("((name.formatted CO \"@\") and ((emails.value le \"t.u@home.example\") or addresses.country ew \"user\")) or (displayName ne \"Babs Jensen\" and emails ge \"test.user@okta.local\")", COMPLEX_VALUE);
        known("((name.givenName ge \"Test\" and emails.type ew \"okta\") or (addresses.locality pr and emails pr)) or (emails le \"bjensen@example.com\")", COMPLEX_VALUE);
        known("((nickName le \"Babs\" and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"tour operations\") or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value sw \"example\") and (emails ne \"bjensen@example.com\")", COMPLEX_VALUE);
        known("(USERNAME gt \"JSmith\" and emails lt \"@example\") and addresses.postalcode EW \"10115\"", COMPLEX_VALUE);
        known("(emails ge \"test.user@okta.local\" and (emails[type ge \"WORK\" and primary pr])) or ((not (name.familyName ge \"Smith\")) and phoneNumbers.type eq \"mobile\")", COMPLEX_VALUE);
        known("(emails.primary gt false or (phoneNumbers[value eq null and value ge \"+49 30 1234567\"])) and (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber ew \"007\")", BOOLEAN_ORDERING);
        known("(not (LOCALE sw \"bjensen\" and (phoneNumbers.value eq \"+49 30 1234567\"))) and emails ne \"bjensen@example.com\"", COMPLEX_VALUE);
        known("(not (emails.primary gt false) and not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName ew \"Jen\")) and id co \"@\"", BOOLEAN_ORDERING);
        known("(not (phoneNumbers.value le \"555-555-5555\") and ((active gt false) or NAME.FAMILYNAME ne \"Doe\")) or (nosuch sw \"okta\" and (roles[value lt \"guide\" or value lt \"guide\"]))", BOOLEAN_ORDERING);
        known("ACTIVE eq false and emails gt \"@example\"", COMPLEX_VALUE);
        known("EMAILS EQ \"test.user@okta.local\"", COMPLEX_VALUE);
        known("EMAILS gt \"@example\"", COMPLEX_VALUE);
        known("EMAILS sw \"Test\"", COMPLEX_VALUE);
        known("active gt true", BOOLEAN_ORDERING);
        known("addresses.postalCode ge \"91608\" and emails ew \"\"", COMPLEX_VALUE);
        known("addresses.postalCode ne \"75001\" and NICKNAME gt \"\"", NULL_IS_UNASSIGNED);
        known("emails EQ \"bjensen@example.com\" and title EW \"\"", COMPLEX_VALUE);
        known("emails GE \"bjensen@example.com\"", COMPLEX_VALUE);
        known("emails co \"Jen\"", COMPLEX_VALUE);
        known("emails co \"a\"", COMPLEX_VALUE);
        known("emails co \"okta\"", COMPLEX_VALUE);
        known("emails eq \"test.user@okta.local\"", COMPLEX_VALUE);
        known("emails ew \"EXAMPLE.COM\"", COMPLEX_VALUE);
        known("emails ge \"test.user@okta.local\" or title co \"okta\"", COMPLEX_VALUE);
        known("emails gt \"@example\"", COMPLEX_VALUE);
        known("emails gt \"bjensen@example.com\"", COMPLEX_VALUE);
        known("emails le \"@example\"", COMPLEX_VALUE);
        known("emails le \"bjensen@example.com\"", COMPLEX_VALUE);
        known("emails lt \"@example\"", COMPLEX_VALUE);
        known("emails ne \"bjensen@example.com\"", COMPLEX_VALUE);
        known("emails ne \"test.user@okta.local\"", COMPLEX_VALUE);
        known("emails.primary gt false and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value ge \"2819c223-7f76-453a-919d-413861904646\"", BOOLEAN_ORDERING);
        known("emails.primary gt false or (not (emails.type le \"work\") or roles[value eq \"GUIDE\"])", BOOLEAN_ORDERING);
        known("emails.primary gt false", BOOLEAN_ORDERING);
        known("emails.primary gt true", BOOLEAN_ORDERING);
        known("nickName GT \"Babs\"", NULL_IS_UNASSIGNED);
        known("nickName ge \"\"", NULL_IS_UNASSIGNED);
        known("nickName ge \"Babs\"", NULL_IS_UNASSIGNED);
        known("nickName gt \"\"", NULL_IS_UNASSIGNED);
        known("nickName gt \"Babs\"", NULL_IS_UNASSIGNED);
        known("nickname gt \"Babs\"", NULL_IS_UNASSIGNED);
        known("nosuch NE \"x\"", UNKNOWN_ATTRIBUTE);
        known("nosuch eq null", UNKNOWN_ATTRIBUTE);
        known("nosuch ne \"x\" and id co \"a\"", UNKNOWN_ATTRIBUTE);
        known("nosuch ne \"x\"", UNKNOWN_ATTRIBUTE);
        known("not (active gt true)", BOOLEAN_ORDERING);
        known("not (emails sw \"\" and (emails.value pr or (nosuch ew \"x\")))", COMPLEX_VALUE);
        known("not (emails.primary gt true and name.givenName co \"9\")", BOOLEAN_ORDERING);
        known("not (nickName ge \"Babs\")", NULL_IS_UNASSIGNED);
        known("not (nosuch ne \"x\")", UNKNOWN_ATTRIBUTE);
        known("not (not (nosuch ne \"x\")) and userName EQ \"minimal\"", UNKNOWN_ATTRIBUTE);
        known("not (title pr) or (emails.type eq \"other\" and (active pr or (meta.lastModified gt \"2019-06-30T04:45:30.123Z\")))", EMPTY_STRING_NOT_PRESENT);
        known("not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value lt \"2819c223-7f76-453a-919d-413861904646\" and emails ne \"bjensen@example.com\")", COMPLEX_VALUE);
        known("phoneNumbers[value gt \"555-555-5555\"] or emails.primary gt true", BOOLEAN_ORDERING);
        known("title pr or ((urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName pr or displayName pr) or (addresses.locality eq \"Paris\" and phoneNumbers.type co \"-\"))", EMPTY_STRING_NOT_PRESENT);
        known("title pr", EMPTY_STRING_NOT_PRESENT);
        known("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName LE \"babs jensen\" or (nosuch ne \"x\" or phonenumbers.value sw \"Test\")", UNKNOWN_ATTRIBUTE);
    }

    private KnownFilterDifferences() {
    }

    private static void known(String filter, String reason) {
        BY_FILTER.put(filter, reason);
    }
}
