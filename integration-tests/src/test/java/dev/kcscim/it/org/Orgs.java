package dev.kcscim.it.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimTestClient;

/** Organizations of a test realm, their provisioning tokens and SCIM clients on their own base URLs. */
final class Orgs {

    static final ObjectMapper JSON = new ObjectMapper();

    private Orgs() {
    }

    /** Switches organizations on in {@code realm}. */
    static void enable(AdminClient admin, String realm) {
        HttpResult updated = admin.put("/admin/realms/" + realm, JSON.createObjectNode().put("organizationsEnabled", true));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
    }

    /** Creates organization {@code alias} (with domain {@code alias.test}); returns its id. */
    static String create(AdminClient admin, String realm, String alias) {
        ObjectNode org = JSON.createObjectNode().put("name", alias.toUpperCase()).put("alias", alias);
        org.putArray("domains").addObject().put("name", alias + ".test");
        HttpResult created = admin.post("/admin/realms/" + realm + "/organizations", org);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
    }

    /** Creates a {@code read-write} provisioning token bound to organization {@code orgId}; returns the secret. */
    static String token(AdminClient admin, String realm, String name, String orgId) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("scope", "read-write").put("organizationId", orgId);
        HttpResult created = admin.post("/admin/realms/" + realm + "/scim-provisioning/tokens", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("organizationId").asText()).isEqualTo(orgId);
        return created.json().path("secret").asText();
    }

    /** {@code /realms/{realm}/scim-provisioning/organizations/{alias}/v2}. */
    static String baseUrl(KeycloakServer server, String realm, String alias) {
        String realmBase = server.scimBaseUrl(realm);
        assertThat(realmBase).endsWith("/scim-provisioning/v2");
        return realmBase.substring(0, realmBase.length() - "/v2".length()) + "/organizations/" + alias + "/v2";
    }

    /** A SCIM client on organization {@code alias}'s base URL, sending {@code secret}. */
    static ScimTestClient client(KeycloakServer server, String realm, String alias, String secret) {
        return new ScimTestClient(baseUrl(server, realm, alias), () -> secret);
    }
}
