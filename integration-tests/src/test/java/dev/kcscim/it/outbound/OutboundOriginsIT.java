package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes that do not come from the Admin REST API reach the target too: a user who registers on the login page
 * (event REGISTER), a user created by a first login through an identity provider (first broker login, event REGISTER
 * with method broker) and a user disabled by brute-force permanent lockout (event
 * USER_DISABLED_BY_PERMANENT_LOCKOUT, written by Keycloak's brute-force protector in its own transaction).
 */
@KeycloakIntegrationTest
class OutboundOriginsIT {

    private static final String UPSTREAM = "outbound-origins-upstream";
    private static final String BROKER_SECRET = "broker-secret-0123456789";

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-origins");
        fx.registerTarget("mock");
        ObjectNode settings = JSON.createObjectNode()
                .put("registrationAllowed", true)
                .put("bruteForceProtected", true)
                .put("permanentLockout", true)
                .put("maxTemporaryLockouts", 0)
                .put("failureFactor", 2);
        HttpResult updated = admin.put("/admin/realms/" + fx.realm, settings);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
    }

    @AfterAll
    static void tearDown(AdminClient admin) {
        if (fx != null) {
            fx.close();
        }
        if (admin.realmExists(UPSTREAM)) {
            admin.deleteRealm(UPSTREAM);
        }
    }

    @Test
    void selfRegistrationIsPushed() {
        FormBrowser browser = new FormBrowser();
        FormBrowser.Page form = browser.get(FormBrowser.accountConsoleAuth(fx.admin.baseUrl(), fx.realm, "registrations", null));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        FormBrowser.Page done = browser.submit(form, Map.of("username", "regina", "email", "regina@example.com",
                "firstName", "Regina", "lastName", "Register", "password", "Secret-123", "password-confirm", "Secret-123"));
        assertThat(done.uri().toString()).as(done.toString()).contains("/realms/" + fx.realm + "/account/").contains("code=");

        JsonNode local = fx.admin.get("/admin/realms/" + fx.realm + "/users?username=regina&exact=true").json().get(0);
        await("regina on the target", () -> fx.target.users().findBy("userName", "regina") != null);
        JsonNode remote = fx.target.users().findBy("userName", "regina");
        assertThat(remote.path("externalId").asText()).isEqualTo(local.path("id").asText());
        assertThat(remote.path("name").path("givenName").asText()).isEqualTo("Regina");
        assertThat(remote.path("name").path("familyName").asText()).isEqualTo("Register");
        assertThat(remote.path("emails").get(0).path("value").asText()).isEqualTo("regina@example.com");
        assertThat(remote.path("active").asBoolean()).isTrue();
    }

    @Test
    void permanentLockoutDeactivatesTheAccount() {
        String id = fx.createUser("lucky", "Lucky", "Locked", "lucky@example.com");
        HttpResult password = fx.admin.put("/admin/realms/" + fx.realm + "/users/" + id + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", "Secret-123").put("temporary", false));
        assertThat(password.status()).isEqualTo(204);
        await("lucky on the target", () -> fx.target.users().findBy("userName", "lucky") != null);
        String remoteId = fx.target.users().findBy("userName", "lucky").path("id").asText();
        assertThat(fx.target.users().get(remoteId).path("active").asBoolean()).isTrue();

        String tokenUrl = fx.admin.baseUrl() + "/realms/" + fx.realm + "/protocol/openid-connect/token";
        for (int i = 0; i < 3; i++) {
            HttpResult wrong = TestHttp.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", "lucky", "password", "wrong-" + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(wrong.json().path("error").asText()).isEqualTo("invalid_grant");
        }
        await("lucky disabled in Keycloak", () -> !fx.user(id).path("enabled").asBoolean(true));
        await("lucky inactive on the target", () -> !fx.target.users().get(remoteId).path("active").asBoolean(true));
        assertThat(fx.target.users().get(remoteId).path("userName").asText()).isEqualTo("lucky");
    }

    @Test
    void firstBrokerLoginIsPushed() {
        String base = fx.admin.baseUrl();
        if (fx.admin.realmExists(UPSTREAM)) {
            fx.admin.deleteRealm(UPSTREAM);
        }
        fx.admin.createRealm(UPSTREAM);
        ObjectNode upstreamUser = JSON.createObjectNode().put("username", "bruno").put("enabled", true)
                .put("email", "bruno@example.com").put("emailVerified", true)
                .put("firstName", "Bruno").put("lastName", "Broker");
        upstreamUser.putArray("credentials").addObject().put("type", "password").put("value", "Secret-123")
                .put("temporary", false);
        assertThat(fx.admin.post("/admin/realms/" + UPSTREAM + "/users", upstreamUser).status()).isEqualTo(201);
        ObjectNode client = JSON.createObjectNode().put("clientId", "downstream").put("publicClient", false)
                .put("secret", BROKER_SECRET).put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(base + "/realms/" + fx.realm + "/broker/upstream/endpoint*");
        assertThat(fx.admin.post("/admin/realms/" + UPSTREAM + "/clients", client).status()).isEqualTo(201);

        String upstreamOidc = base + "/realms/" + UPSTREAM + "/protocol/openid-connect";
        ObjectNode idp = JSON.createObjectNode().put("alias", "upstream").put("providerId", "oidc").put("enabled", true)
                .put("trustEmail", true);
        idp.putObject("config").put("authorizationUrl", upstreamOidc + "/auth").put("tokenUrl", upstreamOidc + "/token")
                .put("clientId", "downstream").put("clientSecret", BROKER_SECRET)
                .put("clientAuthMethod", "client_secret_post").put("defaultScope", "openid profile email")
                .put("syncMode", "IMPORT");
        HttpResult createdIdp = fx.admin.post("/admin/realms/" + fx.realm + "/identity-provider/instances", idp);
        assertThat(createdIdp.status()).as(createdIdp.toString()).isEqualTo(201);

        FormBrowser browser = new FormBrowser();
        FormBrowser.Page login = browser.get(FormBrowser.accountConsoleAuth(base, fx.realm, "auth", "kc_idp_hint=upstream"));
        assertThat(login.uri().toString()).as(login.toString()).contains("/realms/" + UPSTREAM + "/");
        FormBrowser.Page next = browser.submit(login, Map.of("username", "bruno", "password", "Secret-123"));
        if (!next.uri().toString().contains("code=")) {
            // Review profile on first login, when Keycloak asks for it: confirm what the upstream sent
            next = browser.submit(next, Map.of("username", "bruno", "email", "bruno@example.com",
                    "firstName", "Bruno", "lastName", "Broker"));
        }
        assertThat(next.uri().toString()).as(next.toString()).contains("/realms/" + fx.realm + "/account/").contains("code=");

        JsonNode local = fx.admin.get("/admin/realms/" + fx.realm + "/users?username=bruno&exact=true").json().get(0);
        await("bruno on the target", () -> fx.target.users().findBy("userName", "bruno") != null);
        JsonNode remote = fx.target.users().findBy("userName", "bruno");
        assertThat(remote.path("externalId").asText()).isEqualTo(local.path("id").asText());
        assertThat(remote.path("name").path("givenName").asText()).isEqualTo("Bruno");
        assertThat(remote.path("emails").get(0).path("value").asText()).isEqualTo("bruno@example.com");
    }
}
