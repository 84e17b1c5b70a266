package dev.kcscim.core.schema;

import java.util.List;
import java.util.Objects;

/** A resource type as served by {@code /ResourceTypes} (RFC 7643 §6). */
public record ResourceTypeDefinition(String id, String name, String endpoint, String description, String schema,
        List<SchemaExtension> schemaExtensions) {

    public ResourceTypeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(schema, "schema");
        name = name == null ? id : name;
        description = description == null ? "" : description;
        schemaExtensions = schemaExtensions == null ? List.of() : List.copyOf(schemaExtensions);
    }
}
