package dev.kcscim.core.schema;

import static dev.kcscim.core.schema.Attr.bool;
import static dev.kcscim.core.schema.Attr.binary;
import static dev.kcscim.core.schema.Attr.complex;
import static dev.kcscim.core.schema.Attr.multiValuedComplex;
import static dev.kcscim.core.schema.Attr.reference;
import static dev.kcscim.core.schema.Attr.string;

import dev.kcscim.core.ScimConstants;
import java.util.List;

/** The core User schema, RFC 7643 §4.1 as represented in §8.7.1. */
final class UserSchema {

    private UserSchema() {
    }

    static SchemaDefinition create() {
        return new SchemaDefinition(ScimConstants.SCHEMA_USER, "User", "User Account", List.of(
                string("userName", "Unique identifier for the User, typically used by the user to directly"
                        + " authenticate to the service provider. Each User MUST include a non-empty userName value."
                        + " This identifier MUST be unique across the service provider's entire set of Users.")
                        .required().uniqueness(Uniqueness.SERVER).build(),
                complex("name", "The components of the user's real name.",
                        string("formatted", "The full name, including all middle names, titles, and suffixes as"
                                + " appropriate, formatted for display.").build(),
                        string("familyName", "The family name of the User, or last name in most Western languages.").build(),
                        string("givenName", "The given name of the User, or first name in most Western languages.").build(),
                        string("middleName", "The middle name(s) of the User.").build(),
                        string("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western"
                                + " languages.").build(),
                        string("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western"
                                + " languages.").build()).build(),
                string("displayName", "The name of the User, suitable for display to end-users.").build(),
                string("nickName", "The casual way to address the user in real life.").build(),
                reference("profileUrl", "A fully qualified URL pointing to a page representing the User's online"
                        + " profile.", "external").build(),
                string("title", "The user's title, such as \"Vice President.\"").build(),
                string("userType", "Used to identify the relationship between the organization and the user.").build(),
                string("preferredLanguage", "Indicates the User's preferred written or spoken language.").build(),
                string("locale", "Used to indicate the User's default location for purposes of localizing items such"
                        + " as currency, date time format, or numerical representations.").build(),
                string("timezone", "The User's time zone in the 'Olson' time zone database format, e.g.,"
                        + " 'America/Los_Angeles'.").build(),
                bool("active", "A Boolean value indicating the User's administrative status.").build(),
                string("password", "The User's cleartext password. This attribute is intended to be used as a means"
                        + " to specify an initial password when creating a new User or to reset an existing User's"
                        + " password.").mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER).build(),
                multiValuedComplex("emails", "Email addresses for the user.",
                        string("value", "Email addresses for the user. The value SHOULD be canonicalized by the service"
                                + " provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'.").build(),
                        "work", "home", "other"),
                multiValuedComplex("phoneNumbers", "Phone numbers for the User.",
                        string("value", "Phone number of the User.").build(),
                        "work", "home", "mobile", "fax", "pager", "other"),
                multiValuedComplex("ims", "Instant messaging addresses for the User.",
                        string("value", "Instant messaging address for the User.").build(),
                        "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
                multiValuedComplex("photos", "URLs of photos of the User.",
                        reference("value", "URL of a photo of the User.", "external").build(),
                        "photo", "thumbnail"),
                addresses(),
                groups(),
                multiValuedComplex("entitlements", "A list of entitlements for the User that represent a thing the"
                        + " User has.", string("value", "The value of an entitlement.").build()),
                multiValuedComplex("roles", "A list of roles for the User that collectively represent who the User"
                        + " is, e.g., 'Student', 'Faculty'.", string("value", "The value of a role.").build()),
                multiValuedComplex("x509Certificates", "A list of certificates issued to the User.",
                        binary("value", "The value of an X.509 certificate.").caseExact().build())));
    }

    private static AttributeDefinition addresses() {
        return complex("addresses", "A physical mailing address for this User.",
                string("formatted", "The full mailing address, formatted for display or use with a mailing label."
                        + " This attribute MAY contain newlines.").build(),
                string("streetAddress", "The full street address component, which may include house number, street"
                        + " name, P.O. box, and multi-line extended street address information.").build(),
                string("locality", "The city or locality component.").build(),
                string("region", "The state or region component.").build(),
                string("postalCode", "The zip code or postal code component.").build(),
                string("country", "The country name component.").build(),
                string("type", "A label indicating the attribute's function, e.g., 'work' or 'home'.")
                        .canonicalValues("work", "home", "other").build(),
                bool("primary", "A Boolean value indicating the 'primary' or preferred address.").build())
                .multiValued().build();
    }

    private static AttributeDefinition groups() {
        return complex("groups", "A list of groups to which the user belongs, either through direct membership,"
                        + " through nested groups, or dynamically calculated.",
                string("value", "The identifier of the User's group.").mutability(Mutability.READ_ONLY).build(),
                reference("$ref", "The URI of the corresponding 'Group' resource to which the user belongs.",
                        "User", "Group").mutability(Mutability.READ_ONLY).build(),
                string("display", "A human-readable name, primarily used for display purposes.")
                        .mutability(Mutability.READ_ONLY).build(),
                string("type", "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.")
                        .canonicalValues("direct", "indirect").mutability(Mutability.READ_ONLY).build())
                .multiValued().mutability(Mutability.READ_ONLY).build();
    }
}
