package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbound SCIM endpoint is mounted per realm and answers as a SCIM service provider (RFC 7644 §4). */
@KeycloakIntegrationTest
class ServiceProviderConfigIT {

    private static final String REALM = "spc-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void createRealm(AdminClient admin) {
        admin.createRealm(REALM);
        ScimRealm.enableScim(admin, REALM);
    }

    @AfterAll
    static void deleteRealm(AdminClient admin) {
        admin.deleteRealm(REALM);
    }

    @Test
    void servesServiceProviderConfigAsScimJson(KeycloakServer server) {
        String url = server.scimBaseUrl(REALM) + "/ServiceProviderConfig";

        HttpResult result = TestHttp.get(url, null);

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.mediaType()).isEqualTo("application/scim+json");
        JsonNode body = result.json();
        assertThat(texts(body.get("schemas")))
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(body.path("meta").path("resourceType").asText()).isEqualTo("ServiceProviderConfig");
        assertThat(body.path("meta").path("location").asText()).isEqualTo(url);
        for (String feature : List.of("patch", "bulk", "filter", "changePassword", "sort", "etag")) {
            assertThat(body.path(feature).path("supported").isBoolean()).as(feature + ".supported").isTrue();
        }
        JsonNode schemes = body.path("authenticationSchemes");
        assertThat(schemes.size()).isEqualTo(2);
        assertThat(schemes.get(0).path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(schemes.get(0).path("name").asText()).isEqualTo("OAuth Bearer Token");
        assertThat(schemes.get(0).path("primary").asBoolean()).isTrue();
        assertThat(schemes.get(1).path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(schemes.get(1).path("name").asText()).isEqualTo("Provisioning Token");
        assertThat(schemes.get(1).path("description").asText()).contains("kcscim_", "scim-provisioning/tokens");
        assertThat(schemes.get(1).path("primary").asBoolean()).isFalse();
    }

    /** The SCIM API is off by default (master has not switched it on): a SCIM 404, as for an unknown path. */
    @Test
    void isMountedPerRealmOffByDefaultAndNotForUnknownRealms(KeycloakServer server) {
        HttpResult master = TestHttp.get(server.scimBaseUrl("master") + "/ServiceProviderConfig", null);
        HttpResult unknown = TestHttp.get(server.scimBaseUrl("no-such-realm-" + UUID.randomUUID()) + "/ServiceProviderConfig", null);

        assertThat(master.status()).as(master.toString()).isEqualTo(404);
        assertThat(master.mediaType()).isEqualTo("application/scim+json");
        assertThat(master.json().path("status").asText()).isEqualTo("404");
        assertThat(master.json().path("detail").asText()).isEqualTo("No SCIM endpoint at /realms/master/scim-provisioning/v2/ServiceProviderConfig");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
