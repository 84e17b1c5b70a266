package dev.kcscim.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * The shared Jackson 2 configuration and the case-insensitive attribute lookup SCIM needs
 * (RFC 7643 §2.1: attribute names are case-insensitive).
 */
public final class ScimJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "{...}garbage" is not JSON: without this Jackson reads the first value and ignores the rest
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .addModule(new SimpleModule("scim-instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    private ScimJson() {
    }

    /**
     * The shared mapper: unknown properties are ignored (the model classes keep them), property names bind
     * case-insensitively (RFC 7643 §2.1), nulls are not written, and {@link Instant}s are ISO-8601 text
     * (RFC 7643 §2.3.5). Do not reconfigure it; {@code copy()} it instead.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The member of {@code object} named {@code name} in any case, or null when absent or not an object. */
    public static JsonNode getIgnoreCase(JsonNode object, String name) {
        if (object == null || !object.isObject() || name == null) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** The spelling under which {@code object} stores {@code name} (compared case-insensitively), or null. */
    public static String actualFieldName(JsonNode object, String name) {
        if (object == null || !object.isObject() || name == null) {
            return null;
        }
        if (object.has(name)) {
            return name;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getKey();
            }
        }
        return null;
    }
}
