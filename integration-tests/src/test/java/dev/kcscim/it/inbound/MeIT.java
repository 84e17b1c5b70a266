package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /Me} (RFC 7644 §3.11) with a user's own access token from a public client: GET, PUT and PATCH within
 * what the realm's user profile lets users edit; read-only attributes are 400 mutability; service accounts and
 * provisioning tokens are 403 with a clear detail; DELETE is 403.
 */
@KeycloakIntegrationTest
class MeIT {

    static final String SCIM_JSON = ScimTestClient.SCIM_JSON;

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;
    static KeycloakServer server;

    @BeforeAll
    static void createRealm(KeycloakServer keycloak, AdminClient adminClient) {
        admin = adminClient;
        server = keycloak;
        realm = ScimRealm.create(keycloak, adminClient, "me");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String person(String username) {
        InboundPeople.createUser(admin, realm.name(), username);
        return InboundPeople.userToken(server.baseUrl(), realm.name(), username);
    }

    static HttpResult me(String method, String token, Object body) {
        return scim.raw(method, "/Me", token, body == null ? null : SCIM_JSON, body == null ? null : body.toString());
    }

    static JsonNode keycloakUser(String username) {
        return admin.get(realm.adminPath("/users?exact=true&username=" + username)).json().get(0);
    }

    @Test
    void getReturnsTheCallersOwnUserWithLocation() {
        String token = person("me.reader");
        String id = keycloakUser("me.reader").path("id").asText();

        HttpResult result = me("GET", token, null);

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.mediaType()).isEqualTo(SCIM_JSON);
        assertThat(result.header("Location")).isEqualTo(scim.baseUrl() + "/Users/" + id);
        assertThat(result.json().path("id").asText()).isEqualTo(id);
        assertThat(result.json().path("userName").asText()).isEqualTo("me.reader");
        assertThat(result.json().path("name").path("givenName").asText()).isEqualTo("First");
        assertThat(me("GET", token, null).json().path("emails").get(0).path("value").asText()).isEqualTo("me.reader@example.com");
        assertThat(scim.raw("GET", "/Me?attributes=userName", token, null, null).json().has("name")).isFalse();
    }

    @Test
    void patchChangesTheOwnGivenName() {
        String token = person("me.patcher");

        HttpResult patched = me("PATCH", token, patchOps("{'op':'replace','path':'name.givenName','value':'Patricia'}"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").path("givenName").asText()).isEqualTo("Patricia");
        assertThat(keycloakUser("me.patcher").path("firstName").asText()).isEqualTo("Patricia");
        assertThat(me("GET", token, null).json().path("name").path("givenName").asText()).isEqualTo("Patricia");
    }

    @Test
    void putChangesNamesAndKeepsWhatTheUserCannotEdit() {
        String token = person("me.putter");
        String id = keycloakUser("me.putter").path("id").asText();
        assertThat(scim.patch("/Users/" + id, patchOps("{'op':'add','path':'title','value':'Engineer'}")).status()).isEqualTo(200);
        ObjectNode body = (ObjectNode) me("GET", token, null).json();
        ((ObjectNode) body.get("name")).put("familyName", "Newname");
        body.remove("title");

        HttpResult put = me("PUT", token, body);

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("name").path("familyName").asText()).isEqualTo("Newname");
        assertThat(put.json().path("title").asText()).isEqualTo("Engineer");
        assertThat(keycloakUser("me.putter").path("lastName").asText()).isEqualTo("Newname");
    }

    @Test
    void readOnlyAttributesAreRefusedAndNothingChanges() {
        String token = person("me.limited");

        HttpResult userName = me("PATCH", token, patchOps("{'op':'replace','path':'userName','value':'someone.else'}"));
        assertError(userName, 400, "mutability");
        assertThat(userName.json().path("detail").asText()).contains("'userName' is read-only");
        HttpResult title = me("PATCH", token, patchOps("{'op':'replace','path':'title','value':'CEO'}",
                "{'op':'replace','path':'name.givenName','value':'Sneaky'}"));
        assertError(title, 400, "mutability");
        assertThat(title.json().path("detail").asText()).contains("'title' cannot be changed through /Me");
        assertError(me("PATCH", token, patchOps("{'op':'replace','path':'active','value':false}")), 400, "mutability");
        assertError(me("PATCH", token, patchOps("{'op':'replace','path':'password','value':'Other-456'}")), 400, "mutability");

        JsonNode stored = keycloakUser("me.limited");
        assertThat(stored.path("username").asText()).isEqualTo("me.limited");
        assertThat(stored.path("firstName").asText()).isEqualTo("First");
        assertThat(stored.path("enabled").asBoolean()).isTrue();
        assertThat(me("GET", token, null).json().has("title")).isFalse();
    }

    @Test
    void serviceAccountsAndProvisioningTokensHaveNoMe() {
        HttpResult serviceAccount = me("GET", scim.token(), null);
        assertError(serviceAccount, 403, null);
        assertThat(serviceAccount.json().path("detail").asText())
                .contains("/Me needs a user's own access token", "service account of client 'scim-provisioner'");

        String secret = ScimRealm.createToken(admin, realm.name(), "me-token", "read-write").path("secret").asText();
        HttpResult token = me("PATCH", secret, patchOps("{'op':'replace','path':'name.givenName','value':'X'}"));
        assertError(token, 403, null);
        assertThat(token.json().path("detail").asText()).contains("a provisioning token has no SCIM User");
    }

    @Test
    void deleteIs403AndNoTokenIs401() {
        String token = person("me.stays");

        HttpResult delete = me("DELETE", token, null);

        assertError(delete, 403, null);
        assertThat(delete.json().path("detail").asText()).contains("cannot delete their own account");
        assertThat(keycloakUser("me.stays").path("enabled").asBoolean()).isTrue();
        HttpResult anonymous = me("GET", null, null);
        assertError(anonymous, 401, null);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"" + realm.name() + "\"");
    }

    @Test
    void aPublicClientsUserTokenIsStill401OnUsers() {
        String token = person("me.only");

        assertError(scim.raw("GET", "/Users", token, null, null), 401, null);
        assertThat(scim.raw("GET", "/Users", token, null, null).json().path("detail").asText())
                .contains("Tokens of public clients are accepted by /Me only");
    }
}
