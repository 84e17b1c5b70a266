package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The harness helpers every later *IT relies on do what they say, against the real server. */
@KeycloakIntegrationTest
class HarnessIT {

    @Test
    void serverListensOnLoopbackOnlyAndReportsHealth(KeycloakServer server) {
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        HttpResult ready = TestHttp.get(server.managementUrl() + "/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void serviceAccountClientGetsATokenWithTheRequestedRoles(AdminClient admin) throws Exception {
        String realm = "harness-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(realm);
        try {
            ClientCredentials client = admin.createServiceAccountClient(realm, "provisioner", "manage-users", "view-users");

            String token = admin.clientCredentialsToken(client);

            JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
            assertThat(claims.path("iss").asText()).endsWith("/realms/" + realm);
            assertThat(claims.path("azp").asText()).isEqualTo("provisioner");
            JsonNode roles = claims.path("resource_access").path("realm-management").path("roles");
            assertThat(roles.toString()).contains("\"manage-users\"", "\"view-users\"");
        } finally {
            admin.deleteRealm(realm);
        }
        assertThat(admin.realmExists(realm)).isFalse();
    }
}
