package dev.kcscim.server.http;

import dev.kcscim.server.ScimServerResourceProviderFactory;
import dev.kcscim.server.org.OrgContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/** Absolute URLs of this realm's (or the request's organization's) SCIM resources, for {@code meta.location}, {@code $ref} and {@code Location}. */
public final class ScimUrls {

    private final String base;

    private ScimUrls(String base) {
        this.base = base;
    }

    /** The URLs for the request in {@code session}'s context (its base URI honours the hostname settings). */
    public static ScimUrls of(KeycloakSession session, RealmModel realm) {
        String root = session.getContext().getUri().getBaseUri().toString();
        if (!root.endsWith("/")) {
            root += "/";
        }
        return new ScimUrls(root + "realms/" + realm.getName() + "/" + ScimServerResourceProviderFactory.PROVIDER_ID
                + scope(session) + "/v2");
    }

    /** {@code /organizations/{alias}} inside an organization's API ({@link OrgContext}), else empty. */
    static String scope(KeycloakSession session) {
        OrganizationModel organization = OrgContext.current(session);
        return organization == null ? "" : "/organizations/" + organization.getAlias();
    }

    public String user(String id) {
        return base + "/Users/" + id;
    }

    public String group(String id) {
        return base + "/Groups/" + id;
    }
}
