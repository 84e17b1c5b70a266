package dev.kcscim.core.schema;

import static dev.kcscim.core.schema.Attr.complex;
import static dev.kcscim.core.schema.Attr.reference;
import static dev.kcscim.core.schema.Attr.string;

import dev.kcscim.core.ScimConstants;
import java.util.List;

/** The Group schema (RFC 7643 §4.2) and the Enterprise User extension (§4.3), as in §8.7.1. */
final class GroupSchemas {

    private GroupSchemas() {
    }

    static SchemaDefinition group() {
        return new SchemaDefinition(ScimConstants.SCHEMA_GROUP, "Group", "Group", List.of(
                string("displayName", "A human-readable name for the Group. REQUIRED.").required().build(),
                complex("members", "A list of members of the Group.",
                        string("value", "Identifier of the member of this Group.")
                                .mutability(Mutability.IMMUTABLE).build(),
                        reference("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.",
                                "User", "Group").mutability(Mutability.IMMUTABLE).build(),
                        string("type", "A label indicating the type of resource, e.g., 'User' or 'Group'.")
                                .canonicalValues("User", "Group").mutability(Mutability.IMMUTABLE).build(),
                        string("display", "A human-readable name, primarily used for display purposes.")
                                .mutability(Mutability.READ_ONLY).build())
                        .multiValued().build()));
    }

    static SchemaDefinition enterpriseUser() {
        return new SchemaDefinition(ScimConstants.SCHEMA_ENTERPRISE_USER, "EnterpriseUser", "Enterprise User",
                List.of(
                        string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person, typically"
                                + " based on order of hire or association with an organization.").build(),
                        string("costCenter", "Identifies the name of a cost center.").build(),
                        string("organization", "Identifies the name of an organization.").build(),
                        string("division", "Identifies the name of a division.").build(),
                        string("department", "Identifies the name of a department.").build(),
                        complex("manager", "The User's manager. A complex type that optionally allows service"
                                        + " providers to represent organizational hierarchy by referencing the 'id'"
                                        + " attribute of another User.",
                                string("value", "The id of the SCIM resource representing the User's manager.").build(),
                                reference("$ref", "The URI of the SCIM resource representing the User's manager.",
                                        "User").build(),
                                string("displayName", "The displayName of the User's manager.")
                                        .mutability(Mutability.READ_ONLY).build())
                                .build()));
    }
}
