package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: every endpoint of {@code /admin/realms/{realm}/scim-provisioning} holds the role rule. No token: 401.
 * A caller without realm-management roles, or an admin of another realm: 403. {@code view-realm}: reads only.
 * {@code manage-realm}: reads and writes, except the two that also touch users: the preview (a user's outbound
 * representation) needs {@code view-users}, a read-write provisioning token needs {@code manage-users}.
 */
@KeycloakIntegrationTest(options = {"--metrics-enabled=true",
        "--spi-events-listener--scim-provisioning--tick-interval-seconds=2"})
class AdminRolesIT {

    private static final String REALM = "obs-roles";
    private static final String OTHER = "obs-roles-other";
    private static final String EXTENSION = "{\"id\":\"urn:example:params:scim:schemas:extension:roles:2.0:User\","
            + "\"name\":\"Roles\",\"attributes\":[{\"name\":\"costCenter\",\"type\":\"string\"}]}";

    /** Which callers an endpoint admits. */
    enum Rule {
        /** view-realm or more. */
        READ,
        /** manage-realm. */
        WRITE,
        /** view-realm and view-users. */
        READ_USERS,
        /** manage-realm and manage-users. */
        WRITE_USERS
    }

    record Endpoint(String method, String path, String body, Rule rule) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static OutboundFixture fx;
    private static KeycloakServer server;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void setUp(KeycloakServer s, AdminClient admin) throws java.io.IOException {
        server = s;
        fx = new OutboundFixture(admin, REALM);
        ids.put("{victim}", fx.registerTarget("deleted-by-the-test"));
        ids.put("{target}", fx.registerTarget("guarded"));
        ids.put("{user}", fx.createUser("previewed", "Pre", "View", null));
        HttpResult token = admin.post(base() + "/tokens", JSON.createObjectNode().put("name", "existing")
                .put("scope", "read-only"));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        ids.put("{token}", token.json().get("id").asText());
        HttpResult extension = admin.put(base() + "/user-extension", JSON.readTree(EXTENSION));
        assertThat(extension.status()).as(extension.toString()).isEqualTo(200);
        fx.awaitAllIdle();
        String runId = fx.startSync(fx.targetId);
        fx.awaitRun(fx.targetId, runId);
        ids.put("{run}", runId);

        tokens.put("none-roles", token(admin, REALM, "no-roles"));
        tokens.put("view-realm", token(admin, REALM, "viewer", "view-realm"));
        tokens.put("manage-realm", token(admin, REALM, "manager", "manage-realm"));
        tokens.put("manage-realm+users", token(admin, REALM, "full", "manage-realm", "view-users", "manage-users"));
        if (admin.realmExists(OTHER)) {
            admin.deleteRealm(OTHER);
        }
        admin.createRealm(OTHER);
        tokens.put("other-realm-admin", token(admin, OTHER, "foreign", "manage-realm", "view-users", "manage-users"));
    }

    private static String token(AdminClient admin, String realm, String clientId, String... roles) {
        return admin.clientCredentialsToken(admin.createServiceAccountClient(realm, clientId, roles));
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.admin.deleteRealm(OTHER);
            fx.close();
        }
    }

    private static String base() {
        return "/admin/realms/" + REALM + "/scim-provisioning";
    }

    /** Every endpoint of ScimAdminResource and its sub-resources; destructive ones last. */
    static Stream<Endpoint> endpoints() {
        String target = "{\"name\":\"made-by-role-test\",\"baseUrl\":\"http://127.0.0.1:9/scim/v2\",\"enabled\":false,"
                + "\"auth\":{\"type\":\"bearer\",\"token\":\"role-test-token\"}}";
        return Stream.of(
                new Endpoint("GET", "/targets", null, Rule.READ),
                new Endpoint("POST", "/targets", target, Rule.WRITE),
                new Endpoint("GET", "/targets/{target}", null, Rule.READ),
                new Endpoint("PUT", "/targets/{target}", "{}", Rule.WRITE),
                new Endpoint("POST", "/targets/{target}/test", null, Rule.WRITE),
                new Endpoint("GET", "/targets/{target}/status", null, Rule.READ),
                new Endpoint("GET", "/targets/{target}/preview?user={user}", null, Rule.READ_USERS),
                new Endpoint("GET", "/targets/{target}/dead-letters", null, Rule.READ),
                new Endpoint("POST", "/targets/{target}/dead-letters/retry", null, Rule.WRITE),
                new Endpoint("POST", "/targets/{target}/dead-letters/12345/retry", null, Rule.WRITE),
                new Endpoint("POST", "/targets/{target}/dead-letters/not-a-number/retry", null, Rule.WRITE),
                new Endpoint("DELETE", "/targets/{target}/dead-letters/12345", null, Rule.WRITE),
                new Endpoint("DELETE", "/targets/{target}/dead-letters", null, Rule.WRITE),
                new Endpoint("GET", "/targets/{target}/sync", null, Rule.READ),
                new Endpoint("GET", "/targets/{target}/sync/{run}", null, Rule.READ),
                new Endpoint("POST", "/targets/{target}/sync", null, Rule.WRITE),
                new Endpoint("GET", "/targets/no-such-target", null, Rule.READ),
                new Endpoint("GET", "/tokens", null, Rule.READ),
                new Endpoint("GET", "/tokens/{token}", null, Rule.READ),
                new Endpoint("POST", "/tokens", "{\"name\":\"rw\",\"scope\":\"read-write\"}", Rule.WRITE_USERS),
                new Endpoint("GET", "/settings", null, Rule.READ),
                new Endpoint("PUT", "/settings", "{\"inboundEnabled\":true}", Rule.WRITE),
                new Endpoint("GET", "/user-extension", null, Rule.READ),
                new Endpoint("PUT", "/user-extension", EXTENSION, Rule.WRITE),
                new Endpoint("DELETE", "/user-extension", null, Rule.WRITE),
                new Endpoint("DELETE", "/tokens/{token}", null, Rule.WRITE),
                new Endpoint("DELETE", "/targets/{victim}", null, Rule.WRITE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void holdsTheRoleRule(Endpoint endpoint) {
        List<String> problems = new ArrayList<>();
        check(endpoint, "no token", null, 401, problems);
        check(endpoint, "no realm-management role", tokens.get("none-roles"), 403, problems);
        check(endpoint, "an admin of another realm", tokens.get("other-realm-admin"), 403, problems);
        boolean read = endpoint.rule() == Rule.READ;
        check(endpoint, "view-realm", tokens.get("view-realm"), read ? 0 : 403, problems);
        boolean managerOnly = endpoint.rule() == Rule.READ || endpoint.rule() == Rule.WRITE;
        check(endpoint, "manage-realm", tokens.get("manage-realm"), managerOnly ? 0 : 403, problems);
        check(endpoint, "manage-realm + view-users + manage-users", tokens.get("manage-realm+users"), 0, problems);
        assertThat(problems).isEmpty();
    }

    /** {@code expected} 0 means allowed: neither 401 nor 403 (a 4xx about the request itself is fine), never 5xx. */
    private static void check(Endpoint endpoint, String who, String token, int expected, List<String> problems) {
        String path = endpoint.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        HttpResult result = TestHttp.send(endpoint.method(), server.baseUrl() + base() + path, token,
                endpoint.body() == null ? null : "application/json", endpoint.body());
        int status = result.status();
        boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (expected == 0 && endpoint.method().equals("GET") && !endpoint.path().contains("no-such")) {
            ok = status == 200;
        }
        if (!ok) {
            problems.add(who + ": expected " + (expected == 0 ? "allowed" : expected) + ", got " + status + " "
                    + result.body());
        }
    }
}
