package dev.kcscim.core.projection;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.ResolvedAttribute;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A set of attribute names resolved against a resource type, keyed case-insensitively as
 * {@code schema}, {@code schema|attr} or {@code schema|attr|sub}; names the schema does not define are
 * kept as {@code ?|name} so that such members can still be excluded.
 */
final class Selection {

    private final Set<String> keys;

    private Selection(Set<String> keys) {
        this.keys = keys;
    }

    static Selection of(List<String> names, ResourceSchema schema) {
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            if (schema.schema(name).isPresent()) {
                keys.add(key(schema.schema(name).get().id()));
                continue;
            }
            ResolvedAttribute resolved = resolve(name, schema);
            if (resolved == null) {
                keys.add("?|" + lower(name));
                continue;
            }
            String attribute = key(resolved.schema().id(), resolved.attribute().name());
            keys.add(resolved.subAttribute() == null ? attribute : attribute + "|" + lower(resolved.subAttribute().name()));
            if (resolved.subAttribute() != null) {
                keys.add(attribute + "|*");
            }
        }
        return new Selection(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** True when the name of a member the schema does not define was listed as such. */
    boolean undefined(String name) {
        return keys.contains("?|" + lower(name));
    }

    boolean schema(String schemaId) {
        return keys.contains(key(schemaId));
    }

    boolean attribute(String schemaId, String attribute) {
        return schema(schemaId) || keys.contains(key(schemaId, attribute));
    }

    boolean anySubAttribute(String schemaId, String attribute) {
        return keys.contains(key(schemaId, attribute) + "|*");
    }

    boolean subAttribute(String schemaId, String attribute, String sub) {
        return keys.contains(key(schemaId, attribute) + "|" + lower(sub));
    }

    private static ResolvedAttribute resolve(String name, ResourceSchema schema) {
        try {
            return schema.locate(AttributePath.parse(name, schema.schemaUrns())).orElse(null);
        } catch (ScimException e) {
            return null;
        }
    }

    private static String key(String schemaId) {
        return lower(schemaId);
    }

    private static String key(String schemaId, String attribute) {
        return lower(schemaId) + "|" + lower(attribute);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
