package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.keycloak.models.KeycloakSession;

/**
 * Routes {@code /realms/{realm}/scim-provisioning/v2/...}. For now it serves the static
 * ServiceProviderConfig (RFC 7643 §5); resource endpoints are added by the inbound issues.
 */
public final class ScimRootResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode SERVICE_PROVIDER_CONFIG = load("/dev/kcscim/server/service-provider-config.json");

    private final KeycloakSession session;

    public ScimRootResource(KeycloakSession session) {
        this.session = session;
    }

    /** RFC 7644 §4: the service provider's configuration; readable without authentication. */
    @GET
    @Path("v2/" + ScimConstants.ENDPOINT_SERVICE_PROVIDER_CONFIG)
    @Produces(ScimConstants.MEDIA_TYPE)
    public Response serviceProviderConfig() {
        ObjectNode body = SERVICE_PROVIDER_CONFIG.deepCopy();
        URI location = session.getContext().getUri().getAbsolutePath();
        ((ObjectNode) body.get("meta")).put("location", location.toString());
        return Response.ok(body.toString(), ScimConstants.MEDIA_TYPE).build();
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = ScimRootResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
