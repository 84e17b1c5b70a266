package dev.kcscim.server.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/scim-provisioning/admin-ui/}: the admin pages (plain HTML, ES modules and CSS, no CDN).
 * The page itself is public; everything it shows comes from the admin REST API with the signed-in admin's token.
 * Every response forbids framing and inline or foreign scripts (CSP {@code script-src 'self'}), and sends no
 * referrer (the authorization code arrives in the page's query string).
 */
public final class AdminUiResource {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final KeycloakSession session;

    public AdminUiResource(KeycloakSession session) {
        this.session = session;
        // Keycloak's own browser security headers (a CSP without script-src, X-Frame-Options SAMEORIGIN) would
        // overwrite ours; this resource sets a stricter complete set itself
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
    }

    /** The page; makes sure the login client exists. Without the trailing slash, redirects to it. */
    @GET
    public Response index() {
        URI uri = session.getContext().getUri().getRequestUri();
        if (!uri.getRawPath().endsWith("/")) {
            return secured(Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create(uri.getRawPath() + "/"))).build();
        }
        RealmModel realm = session.getContext().getRealm();
        AdminUiClient.ensure(session, realm);
        AdminUiAssets.Asset page = AdminUiAssets.find("index.html").orElseThrow();
        return secured(Response.ok(page.bytes(), page.mediaType())).header("Cache-Control", "no-store").build();
    }

    /** Labels and help texts (the {@code themes} message bundle) as JSON. */
    @GET
    @Path("messages.json")
    public Response messages(@HeaderParam("Accept-Language") String acceptLanguage, @Context Request request) {
        return cached(AdminUiAssets.messages(acceptLanguage), request);
    }

    /** Scripts, styles and images; revalidated on every use by their ETag. */
    @GET
    @Path("{name: .+}")
    public Response asset(@PathParam("name") String name, @Context Request request) {
        return AdminUiAssets.find(name).map(asset -> cached(asset, request))
                .orElseGet(() -> secured(Response.status(Response.Status.NOT_FOUND)
                        .entity("{\"error\":\"not_found\"}").type("application/json")).build());
    }

    private static Response cached(AdminUiAssets.Asset asset, Request request) {
        EntityTag tag = new EntityTag(asset.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(asset.bytes(), asset.mediaType()).tag(tag);
        return secured(builder).header("Cache-Control", "no-cache").build();
    }

    static Response.ResponseBuilder secured(Response.ResponseBuilder builder) {
        return builder.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("X-Robots-Tag", "none");
    }
}
