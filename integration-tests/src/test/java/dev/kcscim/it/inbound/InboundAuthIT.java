package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.ClientCredentials;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Bearer authentication of {@code /Users} and {@code /Groups} (RFC 7644 §2, RFC 6750): a Keycloak access token
 * of the same realm from a confidential client; {@code view-users} reads, {@code manage-users} writes.
 */
@KeycloakIntegrationTest
class InboundAuthIT {

    static final String USER_BODY = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"auth-%s\"}";

    static ScimRealm realm;
    static ScimRealm otherRealm;
    static ScimTestClient scim;
    static AdminClient admin;
    static KeycloakServer server;

    @BeforeAll
    static void createRealms(KeycloakServer keycloak, AdminClient adminClient) {
        admin = adminClient;
        server = keycloak;
        realm = ScimRealm.create(keycloak, adminClient, "auth");
        otherRealm = ScimRealm.create(keycloak, adminClient, "auth-other");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealms() {
        realm.delete();
        otherRealm.delete();
    }

    static void assertUnauthorized(HttpResult result) {
        assertError(result, 401, null);
        assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"" + realm.name() + "\"");
    }

    static String tokenWithRoles(String clientId, String... roles) {
        ClientCredentials credentials = admin.createServiceAccountClient(realm.name(), clientId, roles);
        return admin.clientCredentialsToken(credentials);
    }

    @Nested
    class Unauthenticated {

        @Test
        void missingOrMalformedTokensAre401WithAScimBody() {
            HttpResult missing = scim.raw("GET", "/Users", null, null, null);
            assertUnauthorized(missing);
            assertThat(missing.json().path("detail").asText()).isEqualTo("A bearer token is required (Authorization: Bearer <token>)");
            HttpResult garbage = TestHttp.send("GET", scim.baseUrl() + "/Groups", "garbage", null, null);
            assertUnauthorized(garbage);
            assertThat(garbage.json().path("detail").asText()).isEqualTo("The bearer token is invalid, expired, or not issued by this realm");
            assertUnauthorized(scim.raw("GET", "/Groups", null, null, null));
            assertUnauthorized(TestHttp.send("GET", scim.baseUrl() + "/Users/x", "not-a-jwt", null, null));
            assertUnauthorized(scim.raw("POST", "/Users", "eyJhbGciOiJub25lIn0.e30.", "application/scim+json", "{}"));
        }

        @Test
        void oktasNonTokenHeaderIs401WithStatusAsString() throws Exception {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(scim.baseUrl() + "/Users?filter="
                            + TestHttp.encode("userName eq \"X\""))).header("Authorization", "non-token").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("401");
            assertThat(body.path("detail").asText()).isNotBlank();
            assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        }

        /** A valid token of a client whose access tokens live 2 s, used after 3 s. */
        @Test
        void expiredAccessTokensAre401() throws InterruptedException {
            ClientCredentials shortLived = admin.createServiceAccountClient(realm.name(), "short-lived", "view-users");
            String clientPath = realm.adminPath("/clients/" + admin.clientUuid(realm.name(), "short-lived"));
            ObjectNode client = (ObjectNode) admin.get(clientPath).json();
            ((ObjectNode) client.get("attributes")).put("access.token.lifespan", "2");
            assertThat(admin.put(clientPath, client).status()).isEqualTo(204);
            String token = admin.clientCredentialsToken(shortLived);
            assertThat(scim.raw("GET", "/Users", token, null, null).status()).isEqualTo(200);

            Thread.sleep(3000);

            HttpResult expired = scim.raw("GET", "/Users", token, null, null);
            assertUnauthorized(expired);
            assertThat(expired.json().path("detail").asText())
                    .isEqualTo("The bearer token is invalid, expired, or not issued by this realm");
        }

        @Test
        void tokensOfAnotherRealmAre401() {
            String foreign = otherRealm.scim().token();

            assertUnauthorized(scim.raw("GET", "/Users", foreign, null, null));
            assertThat(otherRealm.scim().get("/Users").status()).isEqualTo(200);
        }

        @Test
        void tokensOfPublicClientsAre401() {
            String admin = realm.adminPath("");
            ObjectNode client = new ObjectMapper().createObjectNode().put("clientId", "public-cli").put("publicClient", true)
                    .put("directAccessGrantsEnabled", true).put("enabled", true);
            assertThat(InboundAuthIT.admin.post(admin + "/clients", client).status()).isEqualTo(201);
            ObjectNode user = new ObjectMapper().createObjectNode().put("username", "human").put("enabled", true)
                    .put("email", "human@example.com").put("emailVerified", true).put("firstName", "Hu").put("lastName", "Man");
            user.putArray("credentials").addObject().put("type", "password").put("value", "Secret-123").put("temporary", false);
            HttpResult created = InboundAuthIT.admin.post(admin + "/users", user);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String userId = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
            String realmManagement = InboundAuthIT.admin.clientUuid(realm.name(), "realm-management");
            JsonNode role = InboundAuthIT.admin.get(admin + "/clients/" + realmManagement + "/roles/view-users").json();
            InboundAuthIT.admin.post(admin + "/users/" + userId + "/role-mappings/clients/" + realmManagement,
                    new ObjectMapper().createArrayNode().add(role));
            HttpResult token = TestHttp.postForm(server.baseUrl() + "/realms/" + realm.name() + "/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "public-cli", "username", "human", "password", "Secret-123"));
            assertThat(token.status()).as(token.toString()).isEqualTo(200);

            HttpResult refused = scim.raw("GET", "/Users", token.json().path("access_token").asText(), null, null);
            assertUnauthorized(refused);
            assertThat(refused.json().path("detail").asText()).contains("Tokens of public clients are accepted by /Me only");
        }
    }

    @Nested
    class Authorization {

        @Test
        void viewUsersMayReadButNotWrite() {
            String reader = tokenWithRoles("reader", "view-users");

            assertThat(scim.raw("GET", "/Users", reader, null, null).status()).isEqualTo(200);
            assertThat(scim.raw("GET", "/Groups", reader, null, null).status()).isEqualTo(200);
            HttpResult write = scim.raw("POST", "/Users", reader, "application/scim+json", String.format(USER_BODY, "r"));
            assertError(write, 403, null);
            assertThat(write.json().path("detail").asText()).isEqualTo("The caller lacks the realm-management role manage-users");
            assertError(scim.raw("POST", "/Groups", reader, "application/scim+json",
                    "{\"displayName\":\"g\"}"), 403, null);
        }

        @Test
        void noRoleMayDoNothing() {
            String nobody = tokenWithRoles("nobody");

            HttpResult read = scim.raw("GET", "/Users", nobody, null, null);
            assertError(read, 403, null);
            assertThat(read.json().path("detail").asText()).isEqualTo("The caller lacks the realm-management role view-users");
            assertThat(read.header("WWW-Authenticate")).isNull();
            assertError(scim.raw("DELETE", "/Users/x", nobody, null, null), 403, null);
        }

        @Test
        void manageUsersMayWrite() {
            HttpResult created = scim.post("/Users", String.format(USER_BODY, "w"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        @Test
        void serviceProviderConfigNeedsNoTokenAndTellsWhatIsSupported() {
            HttpResult config = scim.raw("GET", "/ServiceProviderConfig", null, null, null);

            assertThat(config.status()).isEqualTo(200);
            JsonNode body = config.json();
            assertThat(body.path("patch").path("supported").asBoolean()).isTrue();
            assertThat(body.path("filter").path("supported").asBoolean()).isTrue();
            assertThat(body.path("filter").path("maxResults").asInt()).isEqualTo(1000);
            assertThat(body.path("sort").path("supported").asBoolean()).isTrue();
            assertThat(body.path("bulk").path("supported").asBoolean()).isTrue();
            assertThat(body.path("bulk").path("maxOperations").asInt()).isEqualTo(1000);
            assertThat(body.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(1_048_576);
            assertThat(body.path("etag").path("supported").asBoolean()).isTrue();
        }
    }
}
