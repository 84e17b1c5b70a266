package dev.kcscim.server.http;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.server.auth.ScimCaller;
import dev.kcscim.server.bulk.BulkOp;
import dev.kcscim.server.bulk.BulkProcessor;
import dev.kcscim.server.query.ScimLimits;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7): needs write access, like any write. A body over
 * {@link ScimLimits#bulkMaxPayloadBytes()} bytes or with more than {@link ScimLimits#bulkMaxOperations()}
 * operations is refused whole with {@code 413} (§3.7.4) before anything runs; otherwise the answer is
 * {@code 200} with a BulkResponse holding each processed operation's own status.
 */
public final class BulkEndpoint extends EndpointSupport {

    BulkEndpoint(KeycloakSession session) {
        super(session);
    }

    @POST
    public Response bulk(String body) {
        return call("POST", () -> {
            ScimCaller caller = writer();
            ScimLimits limits = ScimLimits.current();
            // a UTF-8 byte count never exceeds 3 per char: skip encoding small bodies
            if (body != null && body.length() * 3L > limits.bulkMaxPayloadBytes()
                    && body.getBytes(StandardCharsets.UTF_8).length > limits.bulkMaxPayloadBytes()) {
                throw ScimException.payloadTooLarge("The size of the bulk operation exceeds the maxPayloadSize ("
                        + limits.bulkMaxPayloadBytes() + " bytes)");
            }
            BulkOp.Request request = BulkOp.read(ScimRequest.parse(header(HttpHeaders.CONTENT_TYPE), body));
            if (request.operations().size() > limits.bulkMaxOperations()) {
                throw ScimException.payloadTooLarge("The bulk request has " + request.operations().size()
                        + " operations, more than the maxOperations (" + limits.bulkMaxOperations() + ")");
            }
            return ok(new BulkProcessor(session, urls, caller).process(request));
        });
    }

    @GET
    public Response get() {
        return notAllowed("GET", "POST /Bulk");
    }

    @PUT
    public Response put() {
        return notAllowed("PUT", "POST /Bulk");
    }

    @PATCH
    public Response patch() {
        return notAllowed("PATCH", "POST /Bulk");
    }

    @DELETE
    public Response delete() {
        return notAllowed("DELETE", "POST /Bulk");
    }
}
