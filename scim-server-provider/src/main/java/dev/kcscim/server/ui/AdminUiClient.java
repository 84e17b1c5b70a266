package dev.kcscim.server.ui;

import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The OIDC public client {@value #CLIENT_ID} that the admin pages log in with (authorization code + PKCE S256,
 * RFC 7636). Created once per realm, the first time the page is opened, with a fixed shape that no request can
 * influence: its only redirect URI is the page itself, relative to {@code ${authBaseUrl}} (so a forged
 * {@code Host} header cannot point it elsewhere), web origin {@code +} (the redirect URI's origin), no roles of its
 * own, no service account, no direct grants.
 *
 * <p>Scope: full scope is off. The Admin REST API authorises a token of a non-console client by the
 * realm-management client roles <em>in the token</em>, so exactly the roles the pages need are mapped to the
 * client's scope ({@link #SCOPED_ROLES}); a token carries one of them only if the user holds it. An existing client
 * of that name is left as it is: a realm admin may have changed it on purpose.
 */
final class AdminUiClient {

    static final String CLIENT_ID = "scim-provisioning-admin-ui";
    /** What the admin REST of targets, tokens, settings and the user extension checks. */
    static final List<String> SCOPED_ROLES = List.of("view-realm", "manage-realm", "view-users", "manage-users");

    private static final Logger LOG = Logger.getLogger(AdminUiClient.class);
    private static final Set<String> DEFAULT_SCOPES = Set.of("basic", "roles", "profile", "web-origins", "acr");

    private AdminUiClient() {
    }

    /** The page's path below the server's base URL, for a realm. */
    static String pagePath(RealmModel realm) {
        return "/realms/" + realm.getName() + "/scim-provisioning/admin-ui/";
    }

    /** Creates the client in its own transaction unless it exists; a concurrent creation by another node is fine. */
    static void ensure(KeycloakSession session, RealmModel realm) {
        if (realm.getClientByClientId(CLIENT_ID) != null) {
            return;
        }
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RealmModel r = s.realms().getRealm(realmId);
                if (r != null && r.getClientByClientId(CLIENT_ID) == null) {
                    create(r);
                    LOG.infof("Created the admin pages' client %s in realm %s", CLIENT_ID, realmId);
                }
            });
        } catch (ModelDuplicateException e) {
            LOG.debugf("Client %s of realm %s created concurrently", CLIENT_ID, realmId);
        }
    }

    static ClientModel create(RealmModel realm) {
        ClientModel client = realm.addClient(CLIENT_ID);
        client.setName("SCIM provisioning admin pages");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setFrontchannelLogout(true);
        client.setConsentRequired(false);
        client.setFullScopeAllowed(false);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(pagePath(realm));
        client.setRedirectUris(Set.of(pagePath(realm)));
        client.setWebOrigins(Set.of("+"));
        client.setAttribute("pkce.code.challenge.method", "S256");
        client.setAttribute("post.logout.redirect.uris", "+");
        client.setAttribute("oauth2.device.authorization.grant.enabled", "false");
        client.setAttribute("oidc.ciba.grant.enabled", "false");
        addDefaultScopes(realm, client);
        ClientModel management = realm.getClientByClientId(managementClientId(realm));
        if (management != null) {
            for (String name : SCOPED_ROLES) {
                RoleModel role = management.getRole(name);
                if (role != null) {
                    client.addScopeMapping(role);
                }
            }
        }
        return client;
    }

    /** The realm's client scopes that put {@code sub}, the roles and the user's name into the tokens. */
    private static void addDefaultScopes(RealmModel realm, ClientModel client) {
        for (String name : DEFAULT_SCOPES) {
            ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, name);
            if (scope != null && !client.getClientScopes(true).containsKey(name)) {
                client.addClientScope(scope, true);
            }
        }
    }

    /** The master realm's admins manage it through {@code master-realm}, other realms through realm-management. */
    private static String managementClientId(RealmModel realm) {
        return realm.getName().equals(Config.getAdminRealm()) ? realm.getName() + "-realm"
                : Constants.REALM_MANAGEMENT_CLIENT_ID;
    }
}
