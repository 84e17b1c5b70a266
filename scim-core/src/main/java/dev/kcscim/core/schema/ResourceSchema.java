package dev.kcscim.core.schema;

import dev.kcscim.core.path.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type with its core schema and extension schemas (RFC 7643 §6), the unit filters, PATCH and
 * projection work against. Immutable; {@link #withExtension} returns a new instance.
 *
 * <p>Path resolution (RFC 7644 §3.10): a URN-qualified path looks only in that schema (the core URN also
 * covers the common attributes of RFC 7643 §3.1); an unqualified name is looked up in the core schema,
 * then in the common attributes, then in the extensions in order, so {@code manager} finds the enterprise
 * extension's {@code manager} as Entra ID expects. Names compare case-insensitively.
 */
public final class ResourceSchema {

    private final ResourceTypeDefinition resourceType;
    private final SchemaDefinition core;
    private final List<SchemaDefinition> extensions;

    public ResourceSchema(ResourceTypeDefinition resourceType, SchemaDefinition core, List<SchemaDefinition> extensions) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.core = Objects.requireNonNull(core, "core");
        this.extensions = List.copyOf(extensions);
    }

    public ResourceTypeDefinition resourceType() {
        return resourceType;
    }

    public SchemaDefinition core() {
        return core;
    }

    public List<SchemaDefinition> extensions() {
        return extensions;
    }

    /** The URNs of the core schema and of every extension, core first. */
    public List<String> schemaUrns() {
        List<String> urns = new ArrayList<>();
        urns.add(core.id());
        extensions.forEach(extension -> urns.add(extension.id()));
        return urns;
    }

    /** The core or extension schema with this URN, compared case-insensitively. */
    public Optional<SchemaDefinition> schema(String urn) {
        if (core.id().equalsIgnoreCase(urn)) {
            return Optional.of(core);
        }
        return extensions.stream().filter(extension -> extension.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** True when {@code urn} names an extension of this resource type (not the core schema). */
    public boolean isExtension(String urn) {
        return extensions.stream().anyMatch(extension -> extension.id().equalsIgnoreCase(urn));
    }

    /** The definition {@code path} designates (attribute, or sub-attribute for {@code attr.sub}). */
    public Optional<AttributeDefinition> resolve(AttributePath path) {
        return locate(path).map(ResolvedAttribute::target);
    }

    /** Where {@code path} lands: its schema, attribute and sub-attribute; empty when unknown. */
    public Optional<ResolvedAttribute> locate(AttributePath path) {
        ResolvedAttribute top = locateTop(path);
        if (top == null) {
            return Optional.empty();
        }
        if (path.subAttribute() == null) {
            return Optional.of(top);
        }
        return top.attribute().subAttribute(path.subAttribute())
                .map(sub -> new ResolvedAttribute(top.schema(), top.extension(), top.attribute(), sub));
    }

    /** This resource type with one more extension schema; replaces an extension with the same URN. */
    public ResourceSchema withExtension(SchemaDefinition extension, boolean required) {
        List<SchemaDefinition> schemas = new ArrayList<>();
        List<SchemaExtension> declared = new ArrayList<>();
        for (SchemaDefinition existing : extensions) {
            if (!existing.id().equalsIgnoreCase(extension.id())) {
                schemas.add(existing);
            }
        }
        for (SchemaExtension existing : resourceType.schemaExtensions()) {
            if (!existing.schema().equalsIgnoreCase(extension.id())) {
                declared.add(existing);
            }
        }
        schemas.add(extension);
        declared.add(new SchemaExtension(extension.id(), required));
        ResourceTypeDefinition type = new ResourceTypeDefinition(resourceType.id(), resourceType.name(),
                resourceType.endpoint(), resourceType.description(), resourceType.schema(), declared);
        return new ResourceSchema(type, core, schemas);
    }

    private ResolvedAttribute locateTop(AttributePath path) {
        String urn = path.schemaUrn();
        if (urn == null || core.id().equalsIgnoreCase(urn)) {
            Optional<AttributeDefinition> inCore = core.attribute(path.name());
            if (inCore.isPresent()) {
                return new ResolvedAttribute(core, false, inCore.get(), null);
            }
            Optional<AttributeDefinition> common = CoreSchemas.commonAttribute(path.name());
            if (common.isPresent()) {
                return new ResolvedAttribute(core, false, common.get(), null);
            }
            if (urn != null) {
                return null;
            }
        }
        for (SchemaDefinition extension : extensions) {
            if (urn == null || extension.id().equalsIgnoreCase(urn)) {
                Optional<AttributeDefinition> found = extension.attribute(path.name());
                if (found.isPresent()) {
                    return new ResolvedAttribute(extension, true, found.get(), null);
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ResourceSchema{" + resourceType.id() + " " + schemaUrns() + "}";
    }
}
