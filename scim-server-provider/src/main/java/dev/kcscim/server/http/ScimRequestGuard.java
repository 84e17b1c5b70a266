package dev.kcscim.server.http;

import dev.kcscim.core.error.ScimException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps hostile requests to our SCIM paths from being answered by Keycloak's own layers with a 500 or a non-SCIM
 * body, before our endpoints see them:
 * <ul>
 *   <li>an unparsable {@code Content-Type} makes Keycloak's security-headers response filter throw (500), and a
 *   {@code multipart/*} or form type makes the REST layer parse the body as a form (a broken one: 500). Such a
 *   header is replaced by {@link #REJECTED}, which {@link ScimRequest} answers with {@code 415} (RFC 7644 §3.1:
 *   bodies are {@code application/scim+json});</li>
 *   <li>a query parameter with an ASCII control character (say {@code %00} in a filter) is refused by Keycloak's
 *   {@code InvalidQueryParameterFilter} with a plain JSON 400; we refuse it first, as a SCIM error
 *   ({@code invalidFilter} for {@code filter}, else {@code invalidValue}).</li>
 * </ul>
 * Runs before Keycloak's filter (priority 10) on realm and organization SCIM paths; other paths are not touched.
 */
@Provider
@PreMatching
@Priority(5)
public final class ScimRequestGuard implements ContainerRequestFilter {

    /** The stand-in media type of a Content-Type we refuse without reading the body. */
    static final String REJECTED = "application/x-kcscim-rejected-content-type";

    private static final String SCIM_PATH = "/scim-provisioning/v2";
    /** An organization's SCIM API (see {@link dev.kcscim.server.org.OrgContext}). */
    private static final java.util.regex.Pattern ORGANIZATION_PATH =
            java.util.regex.Pattern.compile("/scim-provisioning/organizations/[^/]+/v2");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isScimPath(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && refused(contentType)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, REJECTED);
        }
        ScimException badQuery = badQuery(request.getUriInfo().getQueryParameters());
        if (badQuery != null) {
            request.abortWith(ScimErrors.builder(badQuery).build());
        }
    }

    /** Whether {@code rawPath} is under a realm's or an organization's SCIM base URL. */
    static boolean isScimPath(String rawPath) {
        return rawPath.contains(SCIM_PATH) || ORGANIZATION_PATH.matcher(rawPath).find();
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

    /** The error for the first query parameter holding a control character other than tab, CR and LF. */
    static ScimException badQuery(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    String detail = "The query parameter '" + parameter.getKey() + "' contains a control character";
                    return "filter".equals(parameter.getKey()) ? ScimException.invalidFilter(detail)
                            : ScimException.invalidValue(detail);
                }
            }
        }
        return null;
    }

    static boolean hasControlCharacter(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
