package dev.kcscim.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Set;
import org.keycloak.services.ErrorResponseException;

/**
 * JSON in and out of the whole {@code /admin/realms/{realm}/scim-provisioning} API (the outbound resources use it
 * too): errors are Keycloak's admin error ({@code error}, {@code errorMessage}, and {@code errors}, one
 * {@code field: message} per problem) thrown as {@link ErrorResponseException}, so the transaction rolls back.
 */
public final class AdminJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminJson() {
    }

    public static Response ok(JsonNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response created(JsonNode body, String location) {
        return Response.status(Response.Status.CREATED).header("Location", location)
                .entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    static ErrorResponseException badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, "invalid_request", message);
    }

    static ErrorResponseException notFound(String what) {
        return error(Response.Status.NOT_FOUND, "not_found", what + " not found");
    }

    static ErrorResponseException error(Response.Status status, String error, String message) {
        return error(status, error, message, null);
    }

    /** As {@link #error(Response.Status, String, String)}, listing each of {@code problems} under {@code errors}. */
    public static ErrorResponseException error(Response.Status status, String error, String message,
            java.util.List<String> problems) {
        ObjectNode body = MAPPER.createObjectNode().put("error", error).put("errorMessage", message);
        if (problems != null && !problems.isEmpty()) {
            problems.forEach(body.putArray("errors")::add);
        }
        return new ErrorResponseException(Response.status(status).entity(body.toString())
                .type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** The body as a JSON object with no fields but {@code allowed}; 400 otherwise. */
    static ObjectNode object(String body, Set<String> allowed) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            throw badRequest("The body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw badRequest("The body must be a JSON object");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw badRequest("Unknown field '" + field + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
        return (ObjectNode) json;
    }
}
