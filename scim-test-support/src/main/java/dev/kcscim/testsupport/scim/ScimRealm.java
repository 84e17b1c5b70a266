package dev.kcscim.testsupport.scim;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.KeycloakServer;
import java.util.UUID;

/**
 * A throw-away realm for one test class with a confidential client whose service account holds
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

    /** Creates realm {@code prefix-<random>} with the provisioning client {@code scim-provisioner}. */
    public static ScimRealm create(KeycloakServer server, AdminClient admin, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(name);
        ClientCredentials credentials = admin.createServiceAccountClient(name, "scim-provisioner", "manage-users", "view-users");
        ScimTestClient scim = new ScimTestClient(server.scimBaseUrl(name), () -> admin.clientCredentialsToken(credentials));
        return new ScimRealm(admin, name, credentials, scim);
    }

    public String name() {
        return name;
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
