package dev.kcscim.core.schema;

import java.util.Objects;

/** A schema extension of a resource type (RFC 7643 §6 "schemaExtensions"). */
public record SchemaExtension(String schema, boolean required) {

    public SchemaExtension {
        Objects.requireNonNull(schema, "schema");
    }
}
