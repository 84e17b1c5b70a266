package dev.kcscim.core.patch;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.filter.Filter;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.path.PatchPath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.ResolvedAttribute;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves PATCH paths and path-less value keys against a resource type's schemas. Names are matched
 * case-insensitively (RFC 7643 §2.1). An unqualified name is looked up in the core schema, then the common
 * attributes, then each extension: Entra ID sends {@code "path":"manager"} for the enterprise manager.
 * Anything undefined, including attributes of an undeclared schema URN, is {@code 400 invalidPath}.
 */
final class TargetResolver {

    private final ResourceSchema schema;
    private final List<String> urns = new ArrayList<>();

    TargetResolver(ResourceSchema schema) {
        this.schema = schema;
        urns.add(schema.core().id());
        schema.extensions().forEach(ext -> urns.add(ext.id()));
    }

    /** The target of an operation's {@code path}. */
    Target resolve(PatchPath path) {
        AttributePath attribute = path.attribute();
        String subName = attribute.subAttribute();
        if (path.subAttribute() != null) {
            subName = path.subAttribute();
        }
        return target(attribute.schemaUrn(), attribute.name(), subName, path.valueFilter(), path.toString());
    }

    /**
     * The target of a key of a path-less value: a name, {@code name.sub}, a URN-qualified attribute, or
     * even a value path such as {@code emails[type eq "work"].value}.
     */
    Target resolveKey(String key) {
        if (key.indexOf('[') >= 0) {
            return resolve(PatchPath.parse(key));
        }
        AttributePath path = AttributePath.parse(key, urns);
        return target(path.schemaUrn(), path.name(), path.subAttribute(), null, key);
    }

    /** The target of {@code key} inside the object of the extension {@code schemaDefinition}. */
    Target resolveIn(SchemaDefinition schemaDefinition, String key) {
        AttributePath path = AttributePath.parse(key);
        if (path.schemaUrn() != null) {
            throw ScimException.invalidPath("'" + key + "' cannot be qualified inside " + schemaDefinition.id());
        }
        return target(schemaDefinition.id(), path.name(), path.subAttribute(), null, schemaDefinition.id() + ":" + key);
    }

    /** The declared schema (core or extension) whose URN is exactly {@code key}, ignoring case. */
    Optional<SchemaDefinition> declaredSchema(String key) {
        for (String urn : urns) {
            if (urn.equalsIgnoreCase(key)) {
                return schema.schema(urn);
            }
        }
        return Optional.empty();
    }

    private Target target(String urn, String name, String subName, Filter filter, String text) {
        ResolvedAttribute located = locate(urn, name, text);
        AttributeDefinition attribute = located.attribute();
        AttributeDefinition sub = null;
        if (subName != null) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidPath("'" + attribute.name() + "' has no sub-attributes, in path '" + text + "'");
            }
            sub = attribute.subAttribute(subName).orElseThrow(() -> ScimException.invalidPath(
                    "'" + subName + "' is not a sub-attribute of '" + attribute.name() + "', in path '" + text + "'"));
        }
        if (filter != null && !(attribute.multiValued() && attribute.isComplex())) {
            throw ScimException.invalidPath("A value filter needs a multi-valued complex attribute, not '"
                    + attribute.name() + "', in path '" + text + "'");
        }
        return new Target(located.schema(), located.extension(), attribute, filter, sub, text);
    }

    private ResolvedAttribute locate(String urn, String name, String text) {
        if (urn != null && declaredSchema(urn).isEmpty()) {
            throw ScimException.invalidPath(
                    "Schema '" + urn + "' is not declared by this resource type, in path '" + text + "'");
        }
        return schema.locate(new AttributePath(urn, name, null)).orElseThrow(() -> ScimException.invalidPath(
                "Unknown attribute '" + name + "' in path '" + text + "'"));
    }
}
