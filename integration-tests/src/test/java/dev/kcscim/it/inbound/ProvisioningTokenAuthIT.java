package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SCIM calls with provisioning tokens (issue 5): {@code read-write} may write, {@code read-only} may only read (403
 * on writes), expired, revoked, foreign and forged tokens are 401 with a SCIM body and {@code WWW-Authenticate};
 * writes are audited as the admin who created the token, with the token named in the event.
 */
@KeycloakIntegrationTest
class ProvisioningTokenAuthIT {

    static final String SCIM_JSON = ScimTestClient.SCIM_JSON;

    static ScimRealm realm;
    static ScimRealm otherRealm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealms(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "ptoken");
        otherRealm = ScimRealm.create(server, adminClient, "ptoken-other");
        scim = realm.scim();
        assertThat(admin.put(realm.adminPath(""), json("{'adminEventsEnabled':true,'adminEventsDetailsEnabled':true}")).status())
                .isEqualTo(204);
    }

    @AfterAll
    static void deleteRealms() {
        realm.delete();
        otherRealm.delete();
    }

    static void assertUnauthorized(HttpResult result, String detail) {
        assertError(result, 401, null);
        assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"" + realm.name() + "\"");
        assertThat(result.json().path("detail").asText()).contains(detail);
    }

    static HttpResult createUser(String token, String userName) {
        return scim.raw("POST", "/Users", token, SCIM_JSON, "{\"userName\":\"" + userName + "\"}");
    }

    @Test
    void readWriteTokenReadsAndWritesAndIsAuditedAsItsCreator() {
        JsonNode token = ScimRealm.createToken(admin, realm.name(), "entra", "read-write");
        String secret = token.path("secret").asText();

        HttpResult created = createUser(secret, "via.token");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(scim.raw("GET", "/Users/" + id, secret, null, null).status()).isEqualTo(200);
        assertThat(scim.raw("GET", "/Groups", secret, null, null).status()).isEqualTo(200);
        assertThat(scim.raw("DELETE", "/Users/" + id, secret, null, null).status()).isEqualTo(204);

        JsonNode events = InboundPeople.adminEvents(admin, realm.name());
        JsonNode create = null;
        for (JsonNode event : events) {
            if (event.path("resourcePath").asText().equals("users/" + id) && event.path("operationType").asText().equals("CREATE")) {
                create = event;
            }
        }
        assertThat(create).as(events.toString()).isNotNull();
        String masterAdminId = admin.get("/admin/realms/master/users?username=admin&exact=true").json().get(0).path("id").asText();
        assertThat(create.path("authDetails").path("userId").asText()).isEqualTo(masterAdminId);
        assertThat(create.path("details").path("scimSource").asText()).isEqualTo("token:" + token.path("id").asText());

        JsonNode listed = admin.get(realm.adminPath("/scim-provisioning/tokens/" + token.path("id").asText())).json();
        assertThat(Instant.parse(listed.path("lastUsed").asText())).isAfter(Instant.now().minusSeconds(120));
    }

    @Test
    void clientTokensAreNamedInTheEventsToo() {
        String id = scim.post("/Users", json("{'userName':'via.client'}")).json().path("id").asText();

        JsonNode events = InboundPeople.adminEvents(admin, realm.name());
        assertThat(events.toString()).contains("\"scimSource\":\"client:scim-provisioner\"");
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
    }

    @Test
    void readOnlyTokenReadsButEveryWriteIs403() {
        String secret = ScimRealm.createToken(admin, realm.name(), "auditor", "read-only").path("secret").asText();
        String existing = scim.post("/Users", json("{'userName':'ro.target'}")).json().path("id").asText();

        assertThat(scim.raw("GET", "/Users?filter=userName%20eq%20%22ro.target%22", secret, null, null).json()
                .path("totalResults").asInt()).isEqualTo(1);
        HttpResult post = createUser(secret, "ro.denied");
        assertError(post, 403, null);
        assertThat(post.json().path("detail").asText()).isEqualTo("The provisioning token 'auditor' is read-only");
        assertError(scim.raw("PATCH", "/Users/" + existing, secret, SCIM_JSON,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"),
                403, null);
        assertError(scim.raw("DELETE", "/Users/" + existing, secret, null, null), 403, null);
        assertError(scim.raw("POST", "/Groups", secret, SCIM_JSON, "{\"displayName\":\"ro\"}"), 403, null);
        assertThat(scim.get("/Users/" + existing).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void revokedTokenIs401OnTheNextRequest() {
        JsonNode token = ScimRealm.createToken(admin, realm.name(), "okta", "read-write");
        String secret = token.path("secret").asText();
        assertThat(scim.raw("GET", "/Users", secret, null, null).status()).isEqualTo(200);

        assertThat(admin.delete(realm.adminPath("/scim-provisioning/tokens/" + token.path("id").asText())).status()).isEqualTo(204);

        assertUnauthorized(scim.raw("GET", "/Users", secret, null, null), "unknown to this realm or has been revoked");
        assertUnauthorized(createUser(secret, "after.revoke"), "revoked");
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        String expiresAt = Instant.now().plusSeconds(2).toString();
        HttpResult created = admin.post(realm.adminPath("/scim-provisioning/tokens"),
                "{\"name\":\"short-lived\",\"scope\":\"read-write\",\"expiresAt\":\"" + expiresAt + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(scim.raw("GET", "/Users", secret, null, null).status()).isEqualTo(200);

        Thread.sleep(2500);

        assertUnauthorized(scim.raw("GET", "/Users", secret, null, null), "The provisioning token 'short-lived' expired at");
        JsonNode listed = admin.get(realm.adminPath("/scim-provisioning/tokens/" + created.json().path("id").asText())).json();
        assertThat(listed.path("expired").asBoolean()).isTrue();
    }

    @Test
    void tokensOfAnotherRealmAndForgedTokensAre401() {
        String foreign = ScimRealm.createToken(admin, otherRealm.name(), "foreign", "read-write").path("secret").asText();
        String forged = "kcscim_" + "A".repeat(43);

        assertThat(otherRealm.scim().raw("GET", "/Users", foreign, null, null).status()).isEqualTo(200);
        assertUnauthorized(scim.raw("GET", "/Users", foreign, null, null), "unknown to this realm");
        assertUnauthorized(scim.raw("GET", "/Users", forged, null, null), "unknown to this realm");
        assertUnauthorized(scim.raw("GET", "/Users", "kcscim_short", null, null), "invalid");
    }

    @Test
    void aTokenNeverDoesMoreThanItsCreatorMayDoNow() {
        String creator = InboundPeople.createUser(admin, realm.name(), "bounded.creator", "manage-realm", "manage-users", "view-users");
        String creatorToken = InboundPeople.userToken(admin.baseUrl(), realm.name(), "bounded.creator");
        HttpResult created = dev.kcscim.testsupport.TestHttp.send("POST",
                admin.baseUrl() + realm.adminPath("/scim-provisioning/tokens"), creatorToken, "application/json",
                "{\"name\":\"bounded\",\"scope\":\"read-write\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        assertThat(createUser(secret, "bounded.one").status()).isEqualTo(201);

        String realmManagement = admin.clientUuid(realm.name(), "realm-management");
        String mappings = realm.adminPath("/users/" + creator + "/role-mappings/clients/" + realmManagement);
        JsonNode manageUsers = admin.get(realm.adminPath("/clients/" + realmManagement + "/roles/manage-users")).json();
        assertThat(dev.kcscim.testsupport.TestHttp.send("DELETE", admin.baseUrl() + mappings, admin.token(), "application/json",
                "[" + manageUsers + "]").status()).isEqualTo(204);

        assertThat(scim.raw("GET", "/Users", secret, null, null).status()).isEqualTo(200);
        HttpResult refused = createUser(secret, "bounded.two");
        assertError(refused, 403, null);
        assertThat(refused.json().path("detail").asText())
                .isEqualTo("The provisioning token 'bounded' acts for an admin who may no longer manage users");
    }

    @Test
    void onlyAdminsWhoMayManageUsersCreateReadWriteTokens() {
        InboundPeople.createUser(admin, realm.name(), "realm.only", "manage-realm", "view-users");
        String token = InboundPeople.userToken(admin.baseUrl(), realm.name(), "realm.only");
        String tokens = admin.baseUrl() + realm.adminPath("/scim-provisioning/tokens");

        HttpResult readWrite = dev.kcscim.testsupport.TestHttp.send("POST", tokens, token, "application/json",
                "{\"name\":\"rw-denied\",\"scope\":\"read-write\"}");
        HttpResult readOnly = dev.kcscim.testsupport.TestHttp.send("POST", tokens, token, "application/json",
                "{\"name\":\"ro-allowed\",\"scope\":\"read-only\"}");

        assertThat(readWrite.status()).as(readWrite.toString()).isEqualTo(403);
        assertThat(readWrite.json().path("errorMessage").asText()).contains("manage-users");
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(201);
    }

    @Test
    void aTokenIsNoUseWhenItsCreatorIsDisabled() {
        String creator = InboundPeople.createUser(admin, realm.name(), "token.creator", "manage-realm", "view-users");
        String creatorToken = InboundPeople.userToken(admin.baseUrl(), realm.name(), "token.creator");
        HttpResult created = dev.kcscim.testsupport.TestHttp.send("POST",
                admin.baseUrl() + realm.adminPath("/scim-provisioning/tokens"), creatorToken, "application/json",
                "{\"name\":\"by-creator\",\"scope\":\"read-only\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("createdBy").asText()).isEqualTo("token.creator");
        String secret = created.json().path("secret").asText();
        assertThat(scim.raw("GET", "/Users", secret, null, null).status()).isEqualTo(200);

        assertThat(admin.put(realm.adminPath("/users/" + creator), json("{'enabled':false}")).status()).isEqualTo(204);

        assertUnauthorized(scim.raw("GET", "/Users", secret, null, null), "the admin account that created it no longer exists or is disabled");
    }
}
