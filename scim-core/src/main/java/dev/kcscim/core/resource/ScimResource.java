package dev.kcscim.core.resource;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common attributes of every resource (RFC 7643 §3): {@code schemas}, {@code id}, {@code externalId},
 * {@code meta}. Members the class does not model (custom extensions under their URN, vendor attributes)
 * are kept in {@link #extensions()} and written back unchanged, so nothing a client sent is lost.
 * Instances are built by a builder or read from JSON and not changed afterwards; Jackson binds fields
 * directly, so the accessors are not bean getters.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public abstract class ScimResource {

    List<String> schemas;
    String id;
    String externalId;
    Meta meta;
    @JsonIgnore
    final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    public List<String> schemas() {
        return schemas == null ? List.of() : schemas;
    }

    public String id() {
        return id;
    }

    public String externalId() {
        return externalId;
    }

    public Meta meta() {
        return meta;
    }

    /** Members not modelled by the class, by their name as received (e.g. a custom extension's URN). */
    @JsonAnyGetter
    public Map<String, JsonNode> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    @JsonAnySetter
    void putExtension(String name, JsonNode value) {
        extensions.put(name, value);
    }

    /** The JSON representation; members absent in the object are absent here (never null). */
    public ObjectNode toJson() {
        return ScimJson.mapper().valueToTree(this);
    }

    static <T extends ScimResource> T fromJson(JsonNode json, Class<T> type) {
        if (json == null || !json.isObject()) {
            throw ScimException.invalidSyntax("A " + type.getSimpleName() + " must be a JSON object");
        }
        try {
            return ScimJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ScimException.invalidSyntax("Malformed " + type.getSimpleName() + ": " + originalMessage(e));
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
    }

    /** Base for the resource builders: each builder fills one fresh instance and hands it over once. */
    abstract static class Builder<R extends ScimResource, B extends Builder<R, B>> {
        R resource;

        Builder(R resource) {
            this.resource = resource;
        }

        abstract B self();

        public B schemas(List<String> value) {
            resource.schemas = List.copyOf(value);
            return self();
        }

        public B id(String value) {
            resource.id = value;
            return self();
        }

        public B externalId(String value) {
            resource.externalId = value;
            return self();
        }

        public B meta(Meta value) {
            resource.meta = value;
            return self();
        }

        /** A member outside the modelled attributes, e.g. a custom extension object under its URN. */
        public B extension(String name, JsonNode value) {
            ((ScimResource) resource).extensions.put(name, value);
            return self();
        }

        public R build() {
            R built = resource;
            resource = null;
            return built;
        }
    }
}
