package dev.kcscim.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Keeps a hostile {@code Content-Type} on a SCIM request from turning into a 500 before or after our endpoint runs:
 * an unparsable value makes Keycloak's security-headers response filter throw, and a {@code multipart/*} or form
 * type makes the REST layer parse the body as a form (and fail on a broken one) before the endpoint sees it. Such a
 * header is replaced by {@link #REJECTED}, which {@link ScimRequest} answers with {@code 415} (RFC 7644 §3.1 says
 * bodies are {@code application/scim+json}). Only paths of our SCIM service provider are touched.
 */
@Provider
@PreMatching
public final class ContentTypeGuard implements ContainerRequestFilter {

    /** The stand-in media type of a Content-Type we refuse without reading the body. */
    static final String REJECTED = "application/x-kcscim-rejected-content-type";

    private static final String SCIM_PATH = "/scim-provisioning/v2";

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !request.getUriInfo().getRequestUri().getRawPath().contains(SCIM_PATH)) {
            return;
        }
        if (refused(contentType)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, REJECTED);
        }
    }

    /** Whether the REST layer would fail on {@code contentType} or parse the body as a form. */
    static boolean refused(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (RuntimeException unparsable) {
            return true;
        }
        String main = type.getType() == null ? "" : type.getType().toLowerCase(Locale.ROOT);
        String sub = type.getSubtype() == null ? "" : type.getSubtype().toLowerCase(Locale.ROOT);
        return main.equals("multipart") || (main.equals("application") && sub.equals("x-www-form-urlencoded"));
    }
}
