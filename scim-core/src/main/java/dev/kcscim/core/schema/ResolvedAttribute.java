package dev.kcscim.core.schema;

/**
 * Where an attribute path lands in a resource type: the schema that defines the attribute (the core
 * schema for common attributes), whether that schema is an extension (its values then live under the
 * extension URN, RFC 7643 §3.3), the attribute and, for {@code attr.sub}, the sub-attribute.
 */
public record ResolvedAttribute(SchemaDefinition schema, boolean extension, AttributeDefinition attribute,
        AttributeDefinition subAttribute) {

    /** The definition the path designates: the sub-attribute when there is one, else the attribute. */
    public AttributeDefinition target() {
        return subAttribute != null ? subAttribute : attribute;
    }
}
