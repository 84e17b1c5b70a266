package dev.kcscim.core.schema;

import static dev.kcscim.core.schema.Attr.complex;
import static dev.kcscim.core.schema.Attr.dateTime;
import static dev.kcscim.core.schema.Attr.reference;
import static dev.kcscim.core.schema.Attr.string;

import dev.kcscim.core.ScimConstants;
import java.util.List;
import java.util.Optional;

/**
 * The schemas RFC 7643 defines: User (§4.1), Group (§4.2), Enterprise User (§4.3), as represented in
 * §8.7.1, plus the common attributes of §3.1 ({@code id}, {@code externalId}, {@code meta}) and
 * {@code schemas} (§3), which every resource has but no schema lists.
 */
public final class CoreSchemas {

    public static final SchemaDefinition USER = UserSchema.create();
    public static final SchemaDefinition GROUP = GroupSchemas.group();
    public static final SchemaDefinition ENTERPRISE_USER = GroupSchemas.enterpriseUser();

    /** RFC 7643 §3 and §3.1: schemas, id, externalId and meta with its sub-attributes. */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            reference("schemas", "The schema URIs the resource conforms to.", "uri")
                    .multiValued().required().caseExact().returned(Returned.ALWAYS).build(),
            string("id", "A unique identifier for a SCIM resource as defined by the service provider.")
                    .caseExact().mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER).build(),
            string("externalId", "A String that is an identifier for the resource as defined by the provisioning"
                    + " client.").caseExact().build(),
            complex("meta", "A complex attribute containing resource metadata.",
                    string("resourceType", "The name of the resource type of the resource.")
                            .caseExact().mutability(Mutability.READ_ONLY).build(),
                    dateTime("created", "The DateTime that the resource was added to the service provider.")
                            .mutability(Mutability.READ_ONLY).build(),
                    dateTime("lastModified", "The most recent DateTime that the details of this resource were"
                            + " updated at the service provider.").mutability(Mutability.READ_ONLY).build(),
                    reference("location", "The URI of the resource being returned.", "uri")
                            .caseExact().mutability(Mutability.READ_ONLY).build(),
                    string("version", "The version of the resource being returned.")
                            .caseExact().mutability(Mutability.READ_ONLY).build())
                    .mutability(Mutability.READ_ONLY).build());

    /** The User resource type (RFC 7643 §8.6) with the Enterprise User extension, not required. */
    public static final ResourceSchema USER_RESOURCE = new ResourceSchema(
            new ResourceTypeDefinition("User", "User", "/Users", "User Account", ScimConstants.SCHEMA_USER,
                    List.of(new SchemaExtension(ScimConstants.SCHEMA_ENTERPRISE_USER, false))),
            USER, List.of(ENTERPRISE_USER));

    /** The Group resource type (RFC 7643 §8.6). */
    public static final ResourceSchema GROUP_RESOURCE = new ResourceSchema(
            new ResourceTypeDefinition("Group", "Group", "/Groups", "Group", ScimConstants.SCHEMA_GROUP, List.of()),
            GROUP, List.of());

    private CoreSchemas() {
    }

    /** The common attribute (RFC 7643 §3.1) named {@code name}, compared case-insensitively. */
    public static Optional<AttributeDefinition> commonAttribute(String name) {
        for (AttributeDefinition attribute : COMMON_ATTRIBUTES) {
            if (attribute.name().equalsIgnoreCase(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
