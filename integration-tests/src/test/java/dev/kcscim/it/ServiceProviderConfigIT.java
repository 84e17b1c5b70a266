package dev.kcscim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
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
        JsonNode scheme = body.path("authenticationSchemes").get(0);
        assertThat(scheme.path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(scheme.path("primary").asBoolean()).isTrue();
    }

    @Test
    void isMountedPerRealmAndNotForUnknownRealms(KeycloakServer server) {
        HttpResult master = TestHttp.get(server.scimBaseUrl("master") + "/ServiceProviderConfig", null);
        HttpResult unknown = TestHttp.get(server.scimBaseUrl("no-such-realm-" + UUID.randomUUID()) + "/ServiceProviderConfig", null);

        assertThat(master.status()).isEqualTo(200);
        assertThat(master.json().path("meta").path("location").asText()).contains("/realms/master/");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
