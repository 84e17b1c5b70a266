package dev.kcscim.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.audit.ScimAudit;
import dev.kcscim.server.auth.ScimAuth;
import dev.kcscim.server.auth.ScimCaller;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What every SCIM endpoint needs: authentication, body reading, and turning any failure into a SCIM error. */
class EndpointSupport {

    private static final Logger LOG = Logger.getLogger(EndpointSupport.class);

    protected final KeycloakSession session;
    protected final RealmModel realm;
    protected final ScimUrls urls;

    EndpointSupport(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.urls = ScimUrls.of(session, realm);
    }

    /** Runs {@code action}; any exception becomes a SCIM error response and rolls the transaction back. */
    protected Response call(String method, Supplier<Response> action) {
        long started = System.nanoTime();
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            response = ScimErrors.toResponse(session, method, session.getContext().getUri().getPath(), e);
        }
        long nanos = System.nanoTime() - started;
        String realmName = realm == null ? "?" : realm.getName();
        InboundMetrics.record(realmName, resourceType(), method, response.getStatus(), nanos);
        String path = session.getContext().getUri().getPath();
        if (!"GET".equals(method) && !path.endsWith("/.search") && LOG.isDebugEnabled()) {
            // One line per inbound write: no body, no header (the caller's credential never reaches the log)
            LOG.debugf("SCIM write %s %s realm=%s status=%d ms=%d", method, path, realmName, response.getStatus(),
                    nanos / 1_000_000);
        }
        return response;
    }

    /** The metrics tag of this endpoint: Users, Groups, Bulk, Me or Search. */
    private String resourceType() {
        return getClass().getSimpleName().replace("Endpoint", "");
    }

    protected ScimCaller reader() {
        return ScimAuth.DEFAULT.requireRead(session, realm, header(HttpHeaders.AUTHORIZATION));
    }

    protected ScimCaller writer() {
        return ScimAuth.DEFAULT.requireWrite(session, realm, header(HttpHeaders.AUTHORIZATION));
    }

    protected ScimAudit audit(ScimCaller caller) {
        return new ScimAudit(session, realm, caller);
    }

    protected JsonNode body(String body) {
        return ScimRequest.json(header(HttpHeaders.CONTENT_TYPE), body);
    }

    protected com.fasterxml.jackson.databind.node.ObjectNode objectBody(String body) {
        return ScimRequest.object(header(HttpHeaders.CONTENT_TYPE), body);
    }

    protected static Response ok(JsonNode json) {
        return Response.ok(json.toString(), ScimConstants.MEDIA_TYPE).build();
    }

    /** 200 with the resource and its version as the {@code ETag} header (RFC 7644 §3.14). */
    protected static Response ok(JsonNode json, String version) {
        return Response.ok(json.toString(), ScimConstants.MEDIA_TYPE).header(ETags.ETAG, version).build();
    }

    protected static Response created(JsonNode json, String location, String version) {
        return Response.created(URI.create(location)).type(ScimConstants.MEDIA_TYPE).header(ETags.ETAG, version)
                .entity(json.toString()).build();
    }

    /** 304 for a GET whose {@code If-None-Match} names the current version; no body. */
    protected static Response notModified(String version) {
        return Response.notModified().header(ETags.ETAG, version).build();
    }

    /** 412 unless the request's {@code If-Match} (if any) names {@code version}. */
    protected void requireIfMatch(java.util.function.Supplier<String> version, String what) {
        String ifMatch = header(ETags.IF_MATCH);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, version.get(), what);
        }
    }

    /** Whether the request's {@code If-None-Match} names {@code version}. */
    protected boolean unchangedFor(String version) {
        return ETags.notModified(header(ETags.IF_NONE_MATCH), version);
    }

    /** 405 with a SCIM body (RFC 7644 §3.12) for a method the path does not support. */
    protected Response notAllowed(String method, String allowed) {
        return call(method, () -> {
            throw ScimException.methodNotAllowed(method + " is not supported here; use " + allowed);
        });
    }

    /**
     * The {@code cursor} query parameter (RFC 9865): {@code ""} when present without a value ({@code ?cursor=},
     * the first page), which the JAX-RS runtime reports as absent; null when absent.
     */
    protected String cursorParam(String value) {
        if (value == null && session.getContext().getUri().getQueryParameters().containsKey("cursor")) {
            return "";
        }
        return value;
    }

    protected String header(String name) {
        return session.getContext().getRequestHeaders().getHeaderString(name);
    }
}
