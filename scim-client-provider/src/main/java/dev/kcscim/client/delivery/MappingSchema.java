package dev.kcscim.client.delivery;

import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.MappedPath;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The User resource schema a target's updates are diffed with (RFC 7643 §3.3): the core and enterprise schemas,
 * plus one extension per custom URN of the mapping, whose attributes are strings.
 * scim-core's diff only emits attributes its schema defines, so without this a custom attribute would never be
 * updated.
 */
final class MappingSchema {

    private MappingSchema() {
    }

    static ResourceSchema of(AttributeMapping mapping) {
        Map<String, Map<String, List<AttributeMapping.Rule>>> byUrn = new LinkedHashMap<>();
        for (AttributeMapping.Rule rule : mapping.rules()) {
            if (rule.path().custom()) {
                byUrn.computeIfAbsent(rule.path().urn(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(rule.path().name().toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>())
                        .add(rule);
            }
        }
        ResourceSchema schema = CoreSchemas.USER_RESOURCE;
        for (Map.Entry<String, Map<String, List<AttributeMapping.Rule>>> urn : byUrn.entrySet()) {
            List<AttributeDefinition> attributes = new ArrayList<>();
            for (List<AttributeMapping.Rule> rules : urn.getValue().values()) {
                attributes.add(attribute(rules));
            }
            schema = schema.withExtension(new SchemaDefinition(urn.getKey(), null, "mapped custom attributes",
                    attributes), false);
        }
        return schema;
    }

    private static AttributeDefinition attribute(List<AttributeMapping.Rule> rules) {
        MappedPath first = rules.get(0).path();
        List<AttributeDefinition> subs = new ArrayList<>();
        for (AttributeMapping.Rule rule : rules) {
            if (rule.path().sub() != null) {
                subs.add(AttributeDefinition.builder(rule.path().sub(), AttributeType.STRING).build());
            }
        }
        if (subs.isEmpty()) {
            return AttributeDefinition.builder(first.name(), AttributeType.STRING).build();
        }
        return AttributeDefinition.builder(first.name(), AttributeType.COMPLEX).subAttributes(subs).build();
    }
}
