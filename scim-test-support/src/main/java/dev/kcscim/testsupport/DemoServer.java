package dev.kcscim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.util.List;

/**
 * The README's run command: starts Keycloak with our bundle JAR on 127.0.0.1 (port 8080 when free), keeps its
 * data in {@code .kc-demo/} between runs, makes sure the {@code demo} realm (SCIM switched on) and its SCIM client
 * exist, creates a fresh provisioning token and the demo target (realm {@value #DOWNSTREAM}, provisioned through our
 * own SCIM API), prints how to call the SCIM API, and stays in the foreground until Ctrl-C.
 * Like every test server it runs with {@link KeycloakServer#LOOPBACK_TARGET_OPTIONS} (plain http and 127.0.0.1
 * allowed by the outbound URL policy), since the demo's targets are local.
 */
public final class DemoServer {

    public static final String REALM = "demo";
    static final String CLIENT_ID = "scim-demo-client";
    static final String TOKEN_NAME = "demo-banner";
    /** The demo target: this server's own SCIM API in a second realm, which the demo realm provisions into. */
    public static final String DOWNSTREAM = "demo-downstream";
    static final String TARGET_NAME = "demo-downstream";
    static final String TARGET_TOKEN_NAME = "demo-outbound";
    /** A realm admin of the demo realm for the admin pages (local demo only; a random password, printed at start). */
    static final String DEMO_ADMIN = "demo-admin";

    private DemoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        int httpPort = FreePorts.preferred(8080);
        int managementPort = FreePorts.preferred(9000);
        System.out.printf("Starting Keycloak on http://127.0.0.1:%d (log: %s) ...%n", httpPort,
                settings.workDir().resolve(KeycloakServerConfig.DEFAULT.folderName()).resolve("server.log"));
        KeycloakServer server = KeycloakServer.start(settings, KeycloakServerConfig.DEFAULT, httpPort, managementPort,
                List.of("--db=dev-file"));
        ClientCredentials client = ensureDemoRealm(server.admin());
        String adminPassword = ensureDemoAdmin(server.admin());
        ensureDemoTarget(server, server.admin());
        String token = freshProvisioningToken(server.admin());
        System.out.println(banner(server, client, token, adminPassword));
        int exit = server.waitForExit();
        System.out.println("Keycloak exited with code " + exit);
    }

    /**
     * Creates the demo realm and a service-account client allowed to manage users, unless they exist, and switches
     * the realm's SCIM API on (it is off by default).
     */
    public static ClientCredentials ensureDemoRealm(AdminClient admin) {
        if (!admin.realmExists(REALM)) {
            admin.createRealm(REALM);
        }
        ScimRealm.enableScim(admin, REALM);
        if (admin.get("/admin/realms/" + REALM + "/clients?clientId=" + CLIENT_ID).json().isEmpty()) {
            return admin.createServiceAccountClient(REALM, CLIENT_ID, "manage-users", "view-users");
        }
        String id = admin.clientUuid(REALM, CLIENT_ID);
        String secret = AdminClient.expect(admin.get("/admin/realms/" + REALM + "/clients/" + id + "/client-secret"), 200)
                .get("value").asText();
        return new ClientCredentials(REALM, CLIENT_ID, secret);
    }

    /**
     * The demo target: realm {@value #DOWNSTREAM} with its SCIM API on and a fresh read-write provisioning token, and in
     * the demo realm a target {@value #TARGET_NAME} pointing at it (created, or given the fresh token). Users and
     * groups created in {@code demo} then appear in {@value #DOWNSTREAM}, through our own outbound and inbound sides.
     */
    public static String ensureDemoTarget(KeycloakServer server, AdminClient admin) {
        if (!admin.realmExists(DOWNSTREAM)) {
            admin.createRealm(DOWNSTREAM);
        }
        ScimRealm.enableScim(admin, DOWNSTREAM);
        String secret = replaceToken(admin, DOWNSTREAM, TARGET_TOKEN_NAME);
        com.fasterxml.jackson.databind.node.ObjectNode target = HttpResult.MAPPER.createObjectNode()
                .put("name", TARGET_NAME).put("baseUrl", server.scimBaseUrl(DOWNSTREAM)).put("enabled", true);
        target.putObject("auth").put("type", "bearer").put("token", secret);
        String targets = "/admin/realms/" + REALM + "/scim-provisioning/targets";
        for (JsonNode existing : AdminClient.expect(admin.get(targets), 200)) {
            if (TARGET_NAME.equals(existing.path("name").asText())) {
                String id = existing.path("id").asText();
                AdminClient.expect(admin.put(targets + "/" + id, target), 200);
                return id;
            }
        }
        return AdminClient.expect(admin.post(targets, target), 201).path("id").asText();
    }

    /**
     * A demo-realm user holding the realm-management roles the admin pages need (created once), with a fresh random
     * password at every start; returns that password, which only the banner shows. Never a fixed credential: this
     * account may manage the realm's users and settings.
     */
    public static String ensureDemoAdmin(AdminClient admin) {
        String users = "/admin/realms/" + REALM + "/users";
        String password = RandomSecret.of(18);
        JsonNode existing = AdminClient.expect(admin.get(users + "?exact=true&username=" + DEMO_ADMIN), 200);
        if (!existing.isEmpty()) {
            AdminClient.expect(admin.put(users + "/" + existing.get(0).path("id").asText() + "/reset-password",
                    HttpResult.MAPPER.createObjectNode().put("type", "password").put("value", password)
                            .put("temporary", false)), 204);
            return password;
        }
        com.fasterxml.jackson.databind.node.ObjectNode rep = HttpResult.MAPPER.createObjectNode()
                .put("username", DEMO_ADMIN).put("enabled", true).put("email", DEMO_ADMIN + "@example.com")
                .put("emailVerified", true).put("firstName", "Demo").put("lastName", "Admin");
        rep.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResult created = admin.post(users, rep);
        AdminClient.expect(created, 201);
        String location = created.header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        String management = admin.clientUuid(REALM, "realm-management");
        com.fasterxml.jackson.databind.node.ArrayNode roles = HttpResult.MAPPER.createArrayNode();
        for (String role : List.of("view-realm", "manage-realm", "view-users", "manage-users")) {
            roles.add(AdminClient.expect(admin.get("/admin/realms/" + REALM + "/clients/" + management + "/roles/" + role), 200));
        }
        AdminClient.expect(admin.post(users + "/" + userId + "/role-mappings/clients/" + management, roles), 204);
        return password;
    }

    /**
     * A read-write provisioning token named {@value #TOKEN_NAME} for the banner. Secrets are shown only once, so the
     * previous run's token is revoked and a new one created on every start.
     */
    public static String freshProvisioningToken(AdminClient admin) {
        return replaceToken(admin, REALM, TOKEN_NAME);
    }

    /** Revokes {@code realm}'s provisioning tokens named {@code name} and returns the secret of a new read-write one. */
    private static String replaceToken(AdminClient admin, String realm, String name) {
        String tokens = "/admin/realms/" + realm + "/scim-provisioning/tokens";
        for (JsonNode token : AdminClient.expect(admin.get(tokens), 200)) {
            if (name.equals(token.path("name").asText())) {
                AdminClient.expect(admin.delete(tokens + "/" + token.path("id").asText()), 204);
            }
        }
        return ScimRealm.createToken(admin, realm, name, "read-write").path("secret").asText();
    }

    private static String banner(KeycloakServer server, ClientCredentials client, String provisioningToken,
            String adminPassword) {
        String scim = server.scimBaseUrl(REALM);
        String tokenUrl = server.baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/token";
        return String.join("\n",
                "",
                "================================================================================",
                " Keycloak SCIM provisioning demo is running (local use only)",
                "",
                " Admin console : " + server.baseUrl() + "/admin/   (user admin, password admin)",
                " Realm         : " + REALM,
                " SCIM base URL : " + scim,
                " Admin pages   : " + server.baseUrl() + "/realms/" + REALM + "/scim-provisioning/admin-ui/",
                " Demo target   : realm '" + DOWNSTREAM + "' of this server, through its SCIM API: users and groups",
                "                 created in '" + REALM + "' appear there (target '" + TARGET_NAME + "')",
                "                 (realm admin " + DEMO_ADMIN + ", password " + adminPassword + ", new at every start)",
                "",
                " Try it:",
                "   curl -s " + scim + "/ServiceProviderConfig",
                "",
                " A provisioning token (read-write; what Entra's 'Secret Token' / Okta's 'HTTP Header' take):",
                "   PTOKEN=" + provisioningToken,
                "   curl -s -H \"Authorization: Bearer $PTOKEN\" \"" + scim + "/Users?count=10\"",
                "",
                " A token for the SCIM client '" + client.clientId() + "' (client credentials):",
                "   TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=" + client.clientId()
                        + " -d client_secret=" + client.clientSecret() + " \\",
                "           " + tokenUrl + " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')",
                "   curl -s -H \"Authorization: Bearer $TOKEN\" \"" + scim + "/Users?count=10\"",
                "",
                " Data is kept in .kc-demo/ between runs. Stop with Ctrl-C.",
                "================================================================================");
    }
}
