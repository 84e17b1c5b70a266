package dev.kcscim.testsupport.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import java.util.UUID;

/**
 * A throw-away realm for one test class, with its SCIM API switched on, a confidential client whose service account holds
 * realm-management {@code manage-users} and {@code view-users}, and a {@link ScimTestClient} using its token.
 */
public final class ScimRealm {

    private final AdminClient admin;
    private final String name;
    private final ClientCredentials credentials;
    private final ScimTestClient scim;

    private ScimRealm(AdminClient admin, String name, ClientCredentials credentials, ScimTestClient scim) {
        this.admin = admin;
        this.name = name;
        this.credentials = credentials;
        this.scim = scim;
    }

    /**
     * Creates realm {@code prefix-<random>} with its SCIM API switched on (it is off by default) and the
     * provisioning client {@code scim-provisioner}.
     */
    public static ScimRealm create(KeycloakServer server, AdminClient admin, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(name);
        enableScim(admin, name);
        ClientCredentials credentials = admin.createServiceAccountClient(name, "scim-provisioner", "manage-users", "view-users");
        ScimTestClient scim = new ScimTestClient(server.scimBaseUrl(name), () -> admin.clientCredentialsToken(credentials));
        return new ScimRealm(admin, name, credentials, scim);
    }

    /** Switches the SCIM API of {@code realm} on through {@code PUT /admin/realms/{realm}/scim-provisioning/settings}. */
    public static void enableScim(AdminClient admin, String realm) {
        setScimEnabled(admin, realm, true);
    }

    /** Switches the SCIM API of {@code realm} on or off; fails on any answer but 200. */
    public static void setScimEnabled(AdminClient admin, String realm, boolean enabled) {
        HttpResult result = admin.put("/admin/realms/" + realm + "/scim-provisioning/settings",
                "{\"inboundEnabled\":" + enabled + "}");
        if (result.status() != 200) {
            throw new IllegalStateException("cannot switch the SCIM API of realm " + realm + ": " + result);
        }
    }

    /**
     * Creates a provisioning token in {@code realm} ({@code scope} {@code read-only} or {@code read-write}) and returns
     * the admin API's answer, which holds the secret under {@code secret}.
     */
    public static JsonNode createToken(AdminClient admin, String realm, String name, String scope) {
        HttpResult result = admin.post("/admin/realms/" + realm + "/scim-provisioning/tokens",
                "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        if (result.status() != 201) {
            throw new IllegalStateException("cannot create a provisioning token in realm " + realm + ": " + result);
        }
        return result.json();
    }

    public String name() {
        return name;
    }

    /** The master-realm admin client this realm was made with. */
    public AdminClient admin() {
        return admin;
    }

    public ScimTestClient scim() {
        return scim;
    }

    public ClientCredentials credentials() {
        return credentials;
    }

    /** {@code /admin/realms/{realm}} + {@code path}. */
    public String adminPath(String path) {
        return "/admin/realms/" + name + path;
    }

    public void delete() {
        admin.deleteRealm(name);
    }
}
