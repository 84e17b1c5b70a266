package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/realms/{realm}/scim-provisioning/tokens}: the secret is returned once, never listed (nor its hash);
 * {@code manage-realm} writes, {@code view-realm} reads, anyone else 403; bad input is 400 naming the field;
 * create and revoke emit admin events without the secret.
 */
@KeycloakIntegrationTest
class ProvisioningTokensAdminIT {

    static ScimRealm realm;
    static AdminClient admin;
    static String tokens;
    static String viewerToken;
    static String nobodyToken;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "ptadmin");
        tokens = realm.adminPath("/scim-provisioning/tokens");
        assertThat(admin.put(realm.adminPath(""), json("{'adminEventsEnabled':true,'adminEventsDetailsEnabled':true}")).status())
                .isEqualTo(204);
        InboundPeople.createUser(admin, realm.name(), "viewer", "view-realm");
        InboundPeople.createUser(admin, realm.name(), "nobody");
        viewerToken = InboundPeople.userToken(server.baseUrl(), realm.name(), "viewer");
        nobodyToken = InboundPeople.userToken(server.baseUrl(), realm.name(), "nobody");
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static HttpResult create(String body) {
        return admin.post(tokens, body);
    }

    static HttpResult as(String bearer, String method, String path, String body) {
        return TestHttp.send(method, admin.baseUrl() + path, bearer, body == null ? null : "application/json", body);
    }

    @Test
    void createReturnsTheSecretOnceWithLocation() {
        HttpResult created = create("{\"name\":\"entra-prod\",\"scope\":\"read-write\",\"expiresInDays\":30}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asText();
        String secret = body.path("secret").asText();
        assertThat(created.header("Location")).isEqualTo(admin.baseUrl() + tokens + "/" + id);
        assertThat(secret).startsWith("kcscim_").hasSize(50);
        assertThat(body.path("prefix").asText()).isEqualTo(secret.substring(0, 11));
        assertThat(body.path("name").asText()).isEqualTo("entra-prod");
        assertThat(body.path("scope").asText()).isEqualTo("read-write");
        assertThat(body.path("createdBy").asText()).isEqualTo("admin");
        assertThat(Duration.between(Instant.now(), Instant.parse(body.path("expires").asText())).toDays()).isBetween(29L, 30L);
        assertThat(body.path("lastUsed").isNull()).isTrue();
        assertThat(body.path("expired").asBoolean()).isFalse();

        JsonNode read = admin.get(tokens + "/" + id).json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.path("prefix").asText()).isEqualTo(body.path("prefix").asText());
        assertThat(admin.get(tokens + "/" + id).body()).doesNotContain(secret.substring(11));
    }

    @Test
    void listShowsMetadataButNeverTheSecretOrItsHash() {
        String secret = create("{\"name\":\"listed\",\"scope\":\"read-only\"}").json().path("secret").asText();

        HttpResult list = admin.get(tokens);

        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = null;
        for (JsonNode token : list.json()) {
            assertThat(token.has("secret")).isFalse();
            List<String> fields = new ArrayList<>();
            token.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("id", "name", "prefix", "scope", "created", "createdBy", "expires",
                    "lastUsed", "expired", "organizationId");
            if (token.path("name").asText().equals("listed")) {
                listed = token;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("scope").asText()).isEqualTo("read-only");
        assertThat(listed.path("expires").isNull()).isTrue();
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(11));
    }

    @Test
    void revokeIs204ThenUnknownIs404() {
        String id = create("{\"name\":\"to-revoke\",\"scope\":\"read-only\"}").json().path("id").asText();

        assertThat(admin.delete(tokens + "/" + id).status()).isEqualTo(204);

        assertThat(admin.get(tokens + "/" + id).status()).isEqualTo(404);
        HttpResult again = admin.delete(tokens + "/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("errorMessage").asText()).contains("not found");
        assertThat(admin.delete(tokens + "/no-such-id").status()).isEqualTo(404);
    }

    @Test
    void createAndRevokeEmitAdminEventsWithoutTheSecret() {
        JsonNode created = create("{\"name\":\"audited\",\"scope\":\"read-write\"}").json();
        String id = created.path("id").asText();
        assertThat(admin.delete(tokens + "/" + id).status()).isEqualTo(204);

        List<String> seen = new ArrayList<>();
        for (JsonNode event : InboundPeople.adminEvents(admin, realm.name())) {
            if (event.path("resourcePath").asText().equals("scim-provisioning/tokens/" + id)) {
                seen.add(event.path("operationType").asText() + " " + event.path("resourceType").asText());
                assertThat(event.path("representation").asText()).contains("audited").doesNotContain(created.path("secret").asText())
                        .doesNotContain("secret");
            }
        }
        assertThat(seen).containsExactly("CREATE SCIM_PROVISIONING_TOKEN", "DELETE SCIM_PROVISIONING_TOKEN");
    }

    @Test
    void badInputIs400NamingTheProblem() {
        assertBadRequest(create("{\"scope\":\"read-only\"}"), "'name' is required");
        assertBadRequest(create("{\"name\":\"  \",\"scope\":\"read-only\"}"), "'name' is required");
        assertBadRequest(create("{\"name\":\"x\"}"), "'scope' is required");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"admin\"}"), "\"read-only\" or \"read-write\"");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresInDays\":0}"), "'expiresInDays' must be");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresInDays\":\"7\"}"), "'expiresInDays' must be");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresAt\":\"tomorrow\"}"), "ISO-8601");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), "in the future");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"expiresInDays\":3}"),
                "not both");
        assertBadRequest(create("{\"name\":\"x\",\"scope\":\"read-only\",\"expiresIn\":3}"), "Unknown field 'expiresIn'");
        assertBadRequest(create("{\"name\":"), "not valid JSON");
        assertBadRequest(create("[]"), "JSON object");
        assertThat(admin.get(tokens).json().toString()).doesNotContain("\"name\":\"x\"");
    }

    @Test
    void duplicateNameIs409() {
        assertThat(create("{\"name\":\"twice\",\"scope\":\"read-only\"}").status()).isEqualTo(201);

        HttpResult again = create("{\"name\":\"twice\",\"scope\":\"read-write\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errorMessage").asText()).contains("'twice' already exists");
    }

    @Test
    void viewRealmReadsButCannotWriteAndOthersGet403() {
        String id = create("{\"name\":\"seen\",\"scope\":\"read-only\"}").json().path("id").asText();

        assertThat(as(viewerToken, "GET", tokens, null).status()).isEqualTo(200);
        assertThat(as(viewerToken, "GET", tokens + "/" + id, null).status()).isEqualTo(200);
        assertThat(as(viewerToken, "POST", tokens, "{\"name\":\"v\",\"scope\":\"read-only\"}").status()).isEqualTo(403);
        assertThat(as(viewerToken, "DELETE", tokens + "/" + id, null).status()).isEqualTo(403);
        assertThat(as(nobodyToken, "GET", tokens, null).status()).isEqualTo(403);
        assertThat(as(nobodyToken, "POST", tokens, "{\"name\":\"n\",\"scope\":\"read-only\"}").status()).isEqualTo(403);
        assertThat(as(null, "GET", tokens, null).status()).isEqualTo(401);
        assertThat(admin.get(tokens + "/" + id).status()).isEqualTo(200);
    }

    static void assertBadRequest(HttpResult result, String message) {
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.json().path("errorMessage").asText()).contains(message);
    }
}
