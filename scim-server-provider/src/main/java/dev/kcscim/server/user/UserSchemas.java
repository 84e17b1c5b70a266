package dev.kcscim.server.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The User resource type of a realm: core + Enterprise User + the realm's {@link CustomExtension}, which is
 * kept as JSON in the realm attribute {@link #REALM_ATTRIBUTE} (so it travels with realm export/import).
 * Admin REST endpoints read and write it through {@link #get(RealmModel)} and {@link #put(RealmModel, JsonNode)}.
 */
public final class UserSchemas {

    /** Realm attribute holding the custom extension's definition. */
    public static final String REALM_ATTRIBUTE = "kcscim.userExtension";

    private static final Logger LOG = Logger.getLogger(UserSchemas.class);
    /** Parsed definitions by their JSON text; a handful per server at most. */
    private static final ConcurrentHashMap<String, Optional<CustomExtension>> PARSED = new ConcurrentHashMap<>();

    private UserSchemas() {
    }

    /** The realm's User resource type (the core one when no extension is defined). */
    public static ResourceSchema of(RealmModel realm) {
        return extension(realm)
                .map(custom -> CoreSchemas.USER_RESOURCE.withExtension(custom.schema(), false))
                .orElse(CoreSchemas.USER_RESOURCE);
    }

    /** The realm's custom extension, if one is defined and valid. */
    public static Optional<CustomExtension> extension(RealmModel realm) {
        String text = realm.getAttribute(REALM_ATTRIBUTE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (PARSED.size() > 1000) {
            PARSED.clear();
        }
        return PARSED.computeIfAbsent(text, json -> {
            try {
                return Optional.of(CustomExtension.fromJson(ScimJson.mapper().readTree(json)));
            } catch (JsonProcessingException | RuntimeException e) {
                // an invalid stored definition must not break the endpoint; it is ignored and logged
                LOG.warnf("Ignoring the invalid SCIM user extension of realm %s: %s", realm.getName(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The stored definition for the admin API, or empty. */
    public static Optional<JsonNode> get(RealmModel realm) {
        return extension(realm).map(CustomExtension::toJson);
    }

    /** Validates and stores {@code definition} (400 on an invalid one); null removes the extension. */
    public static void put(RealmModel realm, JsonNode definition) {
        if (definition == null || definition.isNull()) {
            realm.removeAttribute(REALM_ATTRIBUTE);
            return;
        }
        CustomExtension extension = CustomExtension.fromJson(definition);
        realm.setAttribute(REALM_ATTRIBUTE, extension.toJson().toString());
    }
}
