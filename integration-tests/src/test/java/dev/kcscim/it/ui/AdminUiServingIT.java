package dev.kcscim.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How {@code /realms/{realm}/scim-provisioning/admin-ui/} serves the admin pages: types, caching, CSP, 404s. */
@KeycloakIntegrationTest
class AdminUiServingIT {

    static final String REALM = "admin-ui-serving";

    @BeforeAll
    static void setUp(AdminClient admin) {
        if (admin.realmExists(REALM)) {
            admin.deleteRealm(REALM);
        }
        admin.createRealm(REALM);
    }

    @AfterAll
    static void tearDown(AdminClient admin) {
        admin.deleteRealm(REALM);
    }

    private static String page(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + REALM + "/scim-provisioning/admin-ui/";
    }

    @Test
    void pageIsHtmlWithStrictHeadersAndCreatesTheLoginClient(KeycloakServer server, AdminClient admin) {
        HttpResult index = TestHttp.get(page(server), null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.header("Cache-Control")).isEqualTo("no-store");
        assertThat(index.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(index.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(index.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(index.body()).contains("<script type=\"module\" src=\"js/app.js\">");
        HttpResult client = admin.get("/admin/realms/" + REALM + "/clients?clientId=scim-provisioning-admin-ui");
        assertThat(client.json()).hasSize(1);
        // A second visit does not create another client
        assertThat(TestHttp.get(page(server), null).status()).isEqualTo(200);
        assertThat(admin.get("/admin/realms/" + REALM + "/clients?clientId=scim-provisioning-admin-ui").json()).hasSize(1);
    }

    @Test
    void assetsHaveTheirMediaTypesAndRevalidate(KeycloakServer server) {
        HttpResult script = TestHttp.get(page(server) + "js/app.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(script.header("ETag")).isNotBlank();
        assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(TestHttp.get(page(server) + "app.css", null).header("Content-Type")).startsWith("text/css");
        HttpResult messages = TestHttp.get(page(server) + "messages.json", null);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.json().path("nav.outbound").asText()).isEqualTo("Outbound");
    }

    @Test
    void withoutTrailingSlashRedirects(KeycloakServer server) {
        String noSlash = page(server).substring(0, page(server).length() - 1);
        HttpResult result = TestHttp.get(noSlash, null);
        assertThat(result.status()).isEqualTo(301);
        assertThat(result.header("Location")).endsWith("/realms/" + REALM + "/scim-provisioning/admin-ui/");
    }

    @Test
    void unknownNamesAndOtherClasspathResourcesAre404(KeycloakServer server) {
        for (String name : new String[] {"nope.js", "messages/messages_en.properties", "js/a/b/c.js",
                "..%2F..%2Fserver%2Fservice-provider-config.json", "META-INF/keycloak-themes.json"}) {
            HttpResult result = TestHttp.get(page(server) + name, null);
            assertThat(result.status()).as(name).isEqualTo(404);
        }
    }

    @Test
    void unknownRealmIsNotFound(KeycloakServer server) {
        HttpResult result = TestHttp.get(server.baseUrl() + "/realms/no-such-realm/scim-provisioning/admin-ui/", null);
        assertThat(result.status()).isEqualTo(404);
    }
}
