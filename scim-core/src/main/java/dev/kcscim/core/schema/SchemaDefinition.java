package dev.kcscim.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema as served by {@code /Schemas} (RFC 7643 §7): its URN {@code id}, a name, a description and
 * its top-level attributes. Common attributes (id, externalId, meta) are not part of it (RFC 7643 §3).
 */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** The top-level attribute named {@code attributeName}, compared case-insensitively. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
