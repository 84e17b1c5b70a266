package dev.kcscim.it.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Try it with curl" walk-through, run verbatim with bash (only its {@code KC=} and {@code REALM=}
 * lines point at the test server and a fresh realm whose SCIM API is still off): it must switch SCIM on, create a
 * provisioning token, and with it create, find and deactivate a user. Needs {@code curl} and {@code jq} on the
 * PATH, as the README says; skipped without them.
 */
@KeycloakIntegrationTest
public class ReadmeWalkthroughIT {

    static String realm;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(AdminClient adminClient) {
        admin = adminClient;
        realm = "readme-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createRealm(realm);
    }

    @AfterAll
    static void deleteRealm() {
        admin.deleteRealm(realm);
    }

    /** The first bash block after the heading "Try it with curl". */
    static String walkthrough() throws IOException {
        return bashBlockAfter("### Try it with curl");
    }

    /** The first bash block of the README after {@code heading} (which must exist). */
    public static String bashBlockAfter(String heading) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf(heading);
        assertThat(at).as("README section '" + heading + "'").isPositive();
        int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void createsATokenThenCreatesFindsAndDeactivatesAUser(KeycloakServer server) throws Exception {
        Assumptions.assumeTrue(onPath("curl") && onPath("jq"), "curl and jq are needed for the README walk-through");
        String script = walkthrough();
        assertThat(script).contains("KC=http://127.0.0.1:8080\n", "REALM=demo\n");
        script = script.replace("KC=http://127.0.0.1:8080\n", "KC=" + server.baseUrl() + "\n")
                .replace("REALM=demo\n", "REALM=" + realm + "\n");

        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("\"inboundEnabled\":true", "provisioning token: kcscim_", "\"userName\": \"Jane.Doe@example.com\"",
                "\"active\": true", "\"active\": false");
        JsonNode jane = admin.get("/admin/realms/" + realm + "/users?exact=true&username=jane.doe@example.com").json().get(0);
        assertThat(output).contains("found: " + jane.path("id").asText());
        assertThat(jane.path("enabled").asBoolean()).isFalse();
        assertThat(jane.path("firstName").asText()).isEqualTo("Jane");
        assertThat(admin.get("/admin/realms/" + realm + "/scim-provisioning/tokens").json().findValuesAsText("name"))
                .containsExactly("curl-walkthrough");
    }

    /** Whether {@code tool} is on the PATH. */
    public static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
    }
}
