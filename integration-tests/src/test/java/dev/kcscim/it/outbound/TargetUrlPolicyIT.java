package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.mocktarget.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, outbound URL policy (SSRF), on a server WITHOUT the shared test servers' loopback allowance: only
 * {@code localhost} is allow-listed (by name), and plain http is allowed because the in-JVM mock target speaks
 * http (the https-only rule is covered by UrlPolicyTest). Name resolution of that Keycloak is a hosts file the
 * test controls ({@code -Djdk.net.hosts.file}, no caching), which makes DNS rebinding reproducible offline:
 * {@code rebind.kcscim.test} resolves to a public address when the target is saved and to 127.0.0.1 (where the
 * mock listens) when the change is delivered. The mock receiving nothing proves the re-check after resolution.
 */
@ExtendWith(TargetUrlPolicyIT.HostsFile.class)
@KeycloakIntegrationTest(options = {
        "--spi-events-listener--scim-provisioning--allow-http=true",
        "--spi-events-listener--scim-provisioning--allowed-hosts=localhost",
        // relative to the server's home (target/keycloak/<config>/keycloak-<version>): integration-tests/target
        "-Djdk.net.hosts.file=../../../url-policy.hosts",
        "-Dsun.net.inetaddr.ttl=0"})
class TargetUrlPolicyIT {

    /** The hosts file of the policy test server; written when the extension is registered, before any server starts. */
    static final class HostsFile implements Extension {
        static final Path FILE = Path.of("target/url-policy.hosts");

        HostsFile() {
            write(Map.of("rebind.kcscim.test", "203.0.113.7"));
        }

        static void write(Map<String, String> extra) {
            StringBuilder text = new StringBuilder("127.0.0.1 localhost loop.kcscim.test\n::1 localhost\n");
            try {
                text.append("127.0.0.1 ").append(InetAddress.getLocalHost().getHostName()).append('\n');
            } catch (IOException e) {
                // no machine name to keep resolvable
            }
            extra.forEach((name, ip) -> text.append(ip).append(' ').append(name).append('\n'));
            try {
                Files.createDirectories(FILE.toAbsolutePath().getParent());
                Files.writeString(FILE, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "url-policy");
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private String mockUrl(String host) {
        return "http://" + host + ":" + fx.target.baseUrl().substring("http://127.0.0.1:".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "169.254.169.254", "10.1.2.3", "192.168.0.10", "[::ffff:127.0.0.1]",
            "loop.kcscim.test"})
    void forbiddenHostsAreRefusedOnSave(String host) {
        HttpResult rejected = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("bad", mockUrl(host)));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().path("errors").toString())
                .contains("baseUrl: host ")
                .contains("refused by the outbound URL policy")
                .contains("--spi-events-listener--scim-provisioning--allowed-hosts=");
        assertThat(fx.admin.get(fx.targetsPath()).json().toString()).doesNotContain("\"bad\"");
    }

    @Test
    void aNameResolvingToLoopbackIsNamedInTheError() {
        HttpResult rejected = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("loop", mockUrl("loop.kcscim.test")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("errors").toString())
                .contains("host loop.kcscim.test resolves to 127.0.0.1, is a loopback address");
    }

    @Test
    void anOAuthTokenUrlIsCheckedToo() {
        ObjectNode json = OutboundFixture.targetJson("oauth", mockUrl("localhost"));
        json.putObject("auth").put("type", "oauth2_client_credentials").put("tokenUrl", "http://169.254.169.254/token")
                .put("clientId", "c").put("clientSecret", "s");

        HttpResult rejected = fx.admin.post(fx.targetsPath(), json);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("errors").toString())
                .contains("auth.tokenUrl: host 169.254.169.254 is a link-local (cloud metadata) address");
    }

    @Test
    void anAllowListedHostIsAcceptedAndDeliveredTo() {
        HttpResult created = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("allowed", mockUrl("localhost")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        HttpResult test = fx.admin.post(fx.targetPath(id) + "/test", "");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("ok").asBoolean()).as(test.toString()).isTrue();

        fx.createUser("allowed-user", "Al", "Lowed", null);
        await("the user delivered to the allow-listed host", () -> fx.target.users().findBy("userName", "allowed-user") != null);
        fx.admin.delete(fx.targetPath(id));
    }

    @Test
    void redirectsAreNotFollowed() {
        HttpResult created = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("redirecting", mockUrl("localhost")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        fx.target.inject(new Fault("GET", "/ServiceProviderConfig", 302,
                Map.of("Location", fx.target.baseUrl() + "/Trap"), null, 0), 1);

        HttpResult test = fx.admin.post(fx.targetPath(id) + "/test", "");

        assertThat(test.status()).isEqualTo(200);
        JsonNode result = test.json();
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("serviceProviderConfig").path("status").asInt()).isEqualTo(302);
        assertThat(fx.target.requests(r -> r.path().startsWith("/Trap"))).isEmpty();
        fx.admin.delete(fx.targetPath(id));
    }

    /**
     * DNS rebinding: the name is public when saved and loopback when used. The change is dead-lettered (a policy
     * refusal is not retryable) with the rule in its error, and nothing reaches the mock although it listens there.
     */
    @Test
    void aNameThatResolvesToLoopbackAtDeliveryIsDeadLettered() {
        HttpResult created = fx.admin.post(fx.targetsPath(), OutboundFixture.targetJson("rebind", mockUrl("rebind.kcscim.test")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        fx.targetId = created.json().get("id").asText();
        HostsFile.write(Map.of("rebind.kcscim.test", "127.0.0.1"));
        try {
            int before = fx.target.requests().size();
            String userId = fx.createUser("rebound-user", "Re", "Bound", null);

            await("one dead letter", () -> fx.status().path("deadLetters").asLong() >= 1);
            JsonNode letters = fx.admin.get(fx.targetPath() + "/dead-letters").json();
            JsonNode letter = null;
            for (JsonNode l : letters) {
                if (l.path("resourceId").asText().equals(userId)) {
                    letter = l;
                }
            }
            assertThat(letter).as(letters.toString()).isNotNull();
            assertThat(letter.path("error").asText()).contains("outbound URL policy")
                    .contains("host rebind.kcscim.test resolves to 127.0.0.1, is a loopback address");
            assertThat(fx.target.requests().size()).isEqualTo(before);
            assertThat(fx.target.users().findBy("userName", "rebound-user")).isNull();
        } finally {
            HostsFile.write(Map.of("rebind.kcscim.test", "203.0.113.7"));
            fx.admin.delete(fx.targetPath());
        }
    }
}
