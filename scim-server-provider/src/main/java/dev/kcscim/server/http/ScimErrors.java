package dev.kcscim.server.http;

import dev.kcscim.core.ScimConstants;
import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.TooManyRequestsException;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.message.ErrorResponse;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.userprofile.ValidationException;

/**
 * The one place where errors become HTTP responses: every failure is a SCIM {@code ErrorResponse}
 * (RFC 7644 §3.12) sent as {@code application/scim+json} with {@code status} as a string, and the
 * request's transaction is marked rollback-only so a failed write changes nothing.
 */
public final class ScimErrors {

    private static final Logger LOG = Logger.getLogger(ScimErrors.class);

    private ScimErrors() {
    }

    /** Maps {@code error} to a SCIM error response and marks the transaction rollback-only. */
    public static Response toResponse(KeycloakSession session, String method, String path, Throwable error) {
        session.getTransactionManager().setRollbackOnly();
        ScimException scim = toScimException(error);
        RealmModel realm = session.getContext().getRealm();
        String realmName = realm == null ? "?" : realm.getName();
        if (scim.status() >= 500) {
            LOG.warnf(error, "SCIM %s %s in realm %s -> %d", method, path, realmName, scim.status());
        } else {
            LOG.debugf("SCIM %s %s in realm %s -> %d %s: %s", method, path, realmName, scim.status(),
                    scim.scimType() == null ? "" : scim.scimType().wireValue(), scim.detail());
        }
        Response.ResponseBuilder response = builder(scim);
        if (scim.status() == 401) {
            // RFC 6750 §3: a 401 names the scheme and the protection space
            response.header("WWW-Authenticate", "Bearer realm=\"" + realmName + "\"");
        }
        if (scim instanceof TooManyRequestsException tooMany) {
            response.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        return response.build();
    }

    /**
     * The bare SCIM error response of {@code scim} ({@code application/scim+json}, RFC 7644 §3.12), for callers
     * outside a request's transaction such as a pre-matching filter.
     */
    static Response.ResponseBuilder builder(ScimException scim) {
        return Response.status(scim.status()).type(ScimConstants.MEDIA_TYPE).entity(json(ErrorResponse.of(scim)));
    }

    /** The SCIM error {@code error} stands for; anything unexpected is a 500 without internals. */
    public static ScimException toScimException(Throwable error) {
        if (error instanceof ScimException) {
            return (ScimException) error;
        }
        if (error instanceof ModelDuplicateException) {
            return ScimException.uniqueness("A resource with this value already exists: " + error.getMessage());
        }
        if (error instanceof ValidationException) {
            String messages = ((ValidationException) error).getErrors().stream()
                    .map(e -> e.getAttribute() + ": " + e.getMessage())
                    .collect(Collectors.joining("; "));
            return ScimException.invalidValue("The user profile rejected the request: " + messages);
        }
        if (isConstraintViolation(error)) {
            return ScimException.uniqueness("A resource with this unique value already exists");
        }
        if (error instanceof ModelException) {
            return ScimException.invalidValue(error.getMessage() == null ? "Rejected by Keycloak" : error.getMessage());
        }
        return ScimException.internal("Internal server error");
    }

    /** A database unique-constraint violation, e.g. from a concurrent create with the same userName. */
    private static boolean isConstraintViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            // Hibernate's and JPA's classes, matched by name: the persistence API is not on our compile path
            if (name.equals("ConstraintViolationException") || name.equals("EntityExistsException")) {
                return true;
            }
        }
        return false;
    }

    private static String json(ErrorResponse body) {
        try {
            return ScimJson.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
