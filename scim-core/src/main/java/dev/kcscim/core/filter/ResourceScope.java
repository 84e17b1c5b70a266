package dev.kcscim.core.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.path.AttributePath;
import dev.kcscim.core.schema.ResolvedAttribute;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;

/** Paths resolved against a whole resource; extension attributes live under their schema URN. */
final class ResourceScope implements Scope {

    private final ResourceSchema schema;
    private final JsonNode resource;

    ResourceScope(ResourceSchema schema, JsonNode resource) {
        this.schema = schema;
        this.resource = resource;
    }

    @Override
    public Located lookup(AttributePath path) {
        ResolvedAttribute resolved = schema.locate(path).orElse(null);
        if (resolved == null) {
            return null;
        }
        JsonNode container = resolved.extension() ? ScimJson.getIgnoreCase(resource, resolved.schema().id()) : resource;
        List<JsonNode> values = new ArrayList<>(1);
        Scope.addValues(ScimJson.getIgnoreCase(container, resolved.attribute().name()), values);
        if (resolved.subAttribute() == null) {
            return new Located(resolved.attribute(), values);
        }
        List<JsonNode> subValues = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            Scope.addValues(ScimJson.getIgnoreCase(value, resolved.subAttribute().name()), subValues);
        }
        return new Located(resolved.subAttribute(), subValues);
    }
}
