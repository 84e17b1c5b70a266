package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.SchemaDefinition;
import dev.kcscim.core.schema.SchemaJson;
import dev.kcscim.server.query.Pages;
import dev.kcscim.server.user.UserSchemas;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /Schemas} and {@code /ResourceTypes} (RFC 7644 §4, RFC 7643 §6-§7): the User (with the Enterprise
 * User extension and the realm's custom extension, if any) and Group resource types this server serves. Like the ServiceProviderConfig they are
 * protocol metadata and need no token.
 */
final class DiscoveryEndpoint {

    private final String baseUrl;
    private final List<ResourceSchema> types;
    private final List<SchemaDefinition> schemas = new ArrayList<>();

    DiscoveryEndpoint(KeycloakSession session) {
        String root = session.getContext().getUri().getBaseUri().toString();
        this.baseUrl = (root.endsWith("/") ? root : root + "/") + "realms/" + session.getContext().getRealm().getName()
                + "/scim-provisioning" + ScimUrls.scope(session) + "/v2";
        ResourceSchema user = UserSchemas.of(session.getContext().getRealm());
        this.types = List.of(user, CoreSchemas.GROUP_RESOURCE);
        schemas.add(CoreSchemas.USER);
        schemas.addAll(user.extensions());
        schemas.add(CoreSchemas.GROUP);
    }

    ObjectNode schemas() {
        List<ObjectNode> resources = new ArrayList<>();
        schemas.forEach(schema -> resources.add(SchemaJson.toJson(schema, baseUrl)));
        return Pages.listResponse(resources, resources.size(), 1);
    }

    ObjectNode schema(String urn) {
        for (SchemaDefinition schema : schemas) {
            if (schema.id().equalsIgnoreCase(urn)) {
                return SchemaJson.toJson(schema, baseUrl);
            }
        }
        throw ScimException.notFound("Schema '" + urn + "' not found");
    }

    ObjectNode resourceTypes() {
        List<ObjectNode> resources = new ArrayList<>();
        types.forEach(type -> resources.add(SchemaJson.toJson(type.resourceType(), baseUrl)));
        return Pages.listResponse(resources, resources.size(), 1);
    }

    ObjectNode resourceType(String name) {
        for (ResourceSchema type : types) {
            if (type.resourceType().id().equalsIgnoreCase(name)) {
                return SchemaJson.toJson(type.resourceType(), baseUrl);
            }
        }
        throw ScimException.notFound("Resource type '" + name + "' not found");
    }
}
