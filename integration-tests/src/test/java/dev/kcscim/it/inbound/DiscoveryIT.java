package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /Schemas} and {@code /ResourceTypes} (RFC 7644 §4): served without a token, as Entra reads them on save. */
@KeycloakIntegrationTest
class DiscoveryIT {

    static ScimRealm realm;
    static String base;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "discovery");
        base = server.scimBaseUrl(realm.name());
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
        return ids;
    }

    @Test
    void listsTheServedSchemas() {
        HttpResult result = TestHttp.get(base + "/Schemas", null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.mediaType()).isEqualTo("application/scim+json");
        assertThat(ids(result.json())).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(result.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(result.body()).doesNotContain("null");
        JsonNode user = TestHttp.get(base + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null).json();
        assertThat(user.path("attributes").get(0).path("name").asText()).isEqualTo("userName");
        assertThat(user.path("meta").path("location").asText()).isEqualTo(base + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
    }

    @Test
    void listsTheResourceTypes() {
        JsonNode types = TestHttp.get(base + "/ResourceTypes", null).json();
        JsonNode user = TestHttp.get(base + "/ResourceTypes/User", null).json();

        assertThat(ids(types)).containsExactly("User", "Group");
        assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.path("schemaExtensions").get(0).path("schema").asText())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertError(TestHttp.get(base + "/ResourceTypes/Printer", null), 404, null);
        assertError(TestHttp.get(base + "/Schemas/urn:nope", null), 404, null);
    }
}
