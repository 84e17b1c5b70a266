package dev.kcscim.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.server.admin.AdminJson;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.services.ErrorResponseException;

/**
 * JSON responses of the outbound admin resources, through the shared {@link AdminJson}: Keycloak's admin error shape
 * ({@code errorMessage}) plus {@code errors}, one {@code field: message} per problem, thrown as
 * {@link ErrorResponseException} so the transaction rolls back.
 */
final class AdminResponses {

    private AdminResponses() {
    }

    static Response ok(JsonNode body) {
        return AdminJson.ok(body);
    }

    static Response created(JsonNode body, String location) {
        return AdminJson.created(body, location);
    }

    static ErrorResponseException error(Response.Status status, String message, List<String> problems) {
        String code = status == Response.Status.BAD_REQUEST ? "invalid_target" : status.name().toLowerCase();
        return AdminJson.error(status, code, message, problems);
    }

    static ErrorResponseException notFound(String what) {
        return error(Response.Status.NOT_FOUND, what + " not found", null);
    }
}
