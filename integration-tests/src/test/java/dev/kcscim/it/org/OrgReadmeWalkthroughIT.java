package dev.kcscim.it.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.it.inbound.ReadmeWalkthroughIT;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Give a customer its own SCIM endpoint" steps, run verbatim with bash against a fresh realm (only the
 * {@code KC}, {@code REALM} and {@code ADMIN_TOKEN} set-up of "Try it with curl" is prepended): organizations on, an
 * organization, its token, its base URL answering, and an organization-owned target. Needs curl and jq.
 */
@KeycloakIntegrationTest
class OrgReadmeWalkthroughIT {

    static String realm;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(AdminClient adminClient) {
        admin = adminClient;
        realm = "readme-org-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(realm);
    }

    @AfterAll
    static void deleteRealm() {
        admin.deleteRealm(realm);
    }

    static String steps() throws IOException {
        return ReadmeWalkthroughIT.bashBlockAfter("### Give a customer its own SCIM endpoint");
    }

    @Test
    void theStepsGiveTheOrganizationAWorkingEndpointAndTarget(KeycloakServer server) throws Exception {
        Assumptions.assumeTrue(ReadmeWalkthroughIT.onPath("curl") && ReadmeWalkthroughIT.onPath("jq"), "curl and jq are needed for the README steps");
        String setup = "KC=" + server.baseUrl() + "\nREALM=" + realm + "\n"
                + "ADMIN_TOKEN=$(curl -s -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin "
                + "\"$KC/realms/master/protocol/openid-connect/token\" | jq -r .access_token)\n";
        Process bash = new ProcessBuilder("bash", "-c", "set -e\n" + setup + steps()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(output).isZero();

        JsonNode org = admin.get("/admin/realms/" + realm + "/organizations?search=acme").json().get(0);
        String orgId = org.path("id").asText();
        assertThat(output).contains("organization: " + orgId, server.baseUrl() + "/realms/" + realm
                + "/scim-provisioning/organizations/acme/v2", "kcscim_", "\"organizationId\": \"" + orgId + "\"",
                "\"type\": \"organization\"");
        // the token listing shows one token for the organization, and GET /Users through its URL printed 0
        JsonNode tokens = admin.get("/admin/realms/" + realm + "/scim-provisioning/tokens?organizationId=" + orgId).json();
        assertThat(tokens.findValuesAsText("name")).containsExactly("acme-entra");
        assertThat(output.lines()).contains("0");
        JsonNode targets = admin.get("/admin/realms/" + realm + "/scim-provisioning/targets?organizationId=" + orgId).json();
        assertThat(targets.findValuesAsText("name")).containsExactly("acme-crm");
    }
}
