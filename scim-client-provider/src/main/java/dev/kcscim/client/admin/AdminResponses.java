package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.services.ErrorResponseException;

/**
 * JSON responses of the admin API. Errors use Keycloak's admin error shape ({@code errorMessage}) plus
 * {@code errors}, one {@code field: message} per problem, and are thrown as {@link ErrorResponseException} so the
 * transaction rolls back.
 */
final class AdminResponses {

    private AdminResponses() {
    }

    static Response ok(JsonNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response created(JsonNode body, String location) {
        return Response.status(Response.Status.CREATED).header("Location", location)
                .entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static ErrorResponseException error(Response.Status status, String message, List<String> problems) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", status == Response.Status.BAD_REQUEST ? "invalid_target" : status.name().toLowerCase());
        body.put("errorMessage", message);
        if (problems != null && !problems.isEmpty()) {
            problems.forEach(body.putArray("errors")::add);
        }
        return new ErrorResponseException(Response.status(status).entity(body.toString())
                .type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    static ErrorResponseException notFound(String what) {
        return error(Response.Status.NOT_FOUND, what + " not found", null);
    }
}
