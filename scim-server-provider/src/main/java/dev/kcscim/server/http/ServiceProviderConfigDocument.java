package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.server.query.ScimLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The {@code /ServiceProviderConfig} resource (RFC 7643 §5, RFC 7644 §4) with RFC 9865's {@code pagination}
 * object. Every capability and limit is taken from what the server runs with ({@link ScimLimits}), so the
 * document cannot drift from the behaviour; only the authentication schemes come from the classpath file.
 */
final class ServiceProviderConfigDocument {

    private static final ObjectNode BASE = load("/dev/kcscim/server/service-provider-config.json");

    private ServiceProviderConfigDocument() {
    }

    /** The document for the given limits, with {@code meta.location} set to {@code location}. */
    static ObjectNode of(ScimLimits limits, String location) {
        ObjectNode body = BASE.deepCopy();
        body.putArray("schemas").add(ScimConstants.SCHEMA_SERVICE_PROVIDER_CONFIG);
        body.putObject("patch").put("supported", true);
        body.putObject("bulk").put("supported", true)
                .put("maxOperations", limits.bulkMaxOperations())
                .put("maxPayloadSize", limits.bulkMaxPayloadBytes());
        body.putObject("filter").put("supported", true).put("maxResults", limits.maxPageSize());
        body.putObject("changePassword").put("supported", true);
        body.putObject("sort").put("supported", true);
        body.putObject("etag").put("supported", true);
        body.putObject("pagination")
                .put("cursor", true)
                .put("index", true)
                .put("defaultPaginationMethod", "index")
                .put("defaultPageSize", limits.maxPageSize())
                .put("maxPageSize", limits.maxPageSize())
                .put("cursorTimeout", limits.cursorTimeoutSeconds());
        ObjectNode meta = body.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", location);
        return body;
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = ServiceProviderConfigDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return (ObjectNode) ScimJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
