package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The request shapes Okta sends (docs/idp-wire-behaviour.md §1 and §2). */
@KeycloakIntegrationTest
class OktaSpecIT {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    static ScimRealm realm;
    static ScimTestClient scim;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "okta");
        scim = realm.scim();
        // step 1 of the SPEC test needs an existing user with a name and an email
        HttpResult seed = scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'0.Seed.User@example.com',"
                + "'name':{'givenName':'Seed','familyName':'User'},'emails':[{'value':'seed@example.com','primary':true}]}"));
        assertThat(seed.status()).as(seed.toString()).isEqualTo(201);
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String filter(String filter) {
        return "/Users?filter=" + TestHttp.encode(filter);
    }

    /** Okta SCIM 2.0 SPEC Test (Runscope), steps 1-12 in order. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class SpecTest {

        final String randomUserName = "Runscope" + UUID.randomUUID().toString().substring(0, 10) + "@Example.com";
        final String randomEmail = "Runscope" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";

        @Test
        @Order(1)
        void runsTheSpecTestSequence() {
            // 1. GET /Users?count=1&startIndex=1
            JsonNode page = scim.get("/Users?count=1&startIndex=1").json();
            assertThat(page.path("schemas").get(0).asText()).isEqualTo(LIST);
            assertThat(page.path("itemsPerPage").isInt()).isTrue();
            assertThat(page.path("startIndex").isInt()).isTrue();
            assertThat(page.path("totalResults").isIntegralNumber()).isTrue();
            JsonNode first = page.path("Resources").get(0);
            assertThat(first.path("id").asText()).isNotEmpty();
            assertThat(first.path("name").path("familyName").asText()).isNotEmpty();
            assertThat(first.path("name").path("givenName").asText()).isNotEmpty();
            assertThat(first.path("userName").asText()).isNotEmpty();
            assertThat(first.path("active").isBoolean()).isTrue();
            assertThat(first.path("emails").get(0).path("value").asText()).isNotEmpty();
            String isvUserId = first.path("id").asText();
            // 2. GET /Users/{id}
            JsonNode read = scim.get("/Users/" + isvUserId).json();
            assertThat(read.path("id").asText()).isEqualTo(isvUserId);
            // 3. and 5. lookups that find nothing
            assertThat(scim.get(filter("userName eq \"invalid-user@example.com\"")).json().path("totalResults").asInt()).isZero();
            assertThat(scim.get(filter("userName eq \"" + randomEmail + "\"")).json().path("totalResults").asInt()).isZero();
            // 4. unknown id
            HttpResult missing = scim.get("/Users/" + UUID.randomUUID());
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("detail").asText()).isNotEmpty();
            assertThat(missing.json().path("schemas").get(0).asText()).isEqualTo(ERROR);
            // 6. create (Okta POSTs as application/json)
            String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + randomUserName + "\",\"name\":{\"givenName\":\"Given\","
                    + "\"familyName\":\"Family\"},\"emails\":[{\"primary\":true,\"value\":\"" + randomEmail + "\",\"type\":\"work\"}],"
                    + "\"displayName\":\"Given Family\",\"active\":true}";
            HttpResult created = scim.raw("POST", "/Users", scim.token(), "application/json", body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode user = created.json();
            assertThat(user.path("active").asBoolean()).isTrue();
            assertThat(user.path("id").asText()).isNotEmpty();
            assertThat(user.path("name").path("familyName").asText()).isEqualTo("Family");
            assertThat(user.path("name").path("givenName").asText()).isEqualTo("Given");
            assertThat(user.path("schemas").toString()).contains(USER);
            assertThat(user.path("userName").asText()).isEqualTo(randomUserName);
            // 7. read back exactly
            JsonNode again = scim.get("/Users/" + user.path("id").asText()).json();
            assertThat(again.path("userName").asText()).isEqualTo(randomUserName);
            assertThat(again.path("name").path("familyName").asText()).isEqualTo("Family");
            // 8. the same userName again
            HttpResult duplicate = scim.raw("POST", "/Users", scim.token(), "application/json",
                    body.replace(randomEmail, randomUserName));
            assertThat(duplicate.status()).isEqualTo(409);
            // 9. userName in capitals finds the user
            JsonNode caps = scim.get(filter("userName eq \"" + randomUserName.toUpperCase() + "\"")).json();
            assertThat(caps.path("totalResults").asInt()).isEqualTo(1);
            assertThat(caps.path("Resources").get(0).path("userName").asText()).isEqualTo(randomUserName);
            // 10. groups
            assertThat(scim.get("/Groups").status()).isEqualTo(200);
            // 11. no valid token (the literal "non-token" header is checked in InboundAuthIT)
            HttpResult unauthorized = TestHttp.send("GET", scim.baseUrl() + filter("userName eq \"" + randomUserName.toUpperCase() + "\""),
                    null, null, null);
            assertThat(unauthorized.status()).isEqualTo(401);
            assertThat(unauthorized.json().path("status").asText()).isEqualTo("401");
            // 12. a non-UUID id
            HttpResult notUuid = scim.get("/Users/00919288221112222");
            assertThat(notUuid.status()).isEqualTo(404);
            assertThat(notUuid.json().path("status").asText()).isEqualTo("404");
        }
    }

    /** Okta provisioning (docs/idp-wire-behaviour.md §2). */
    @Nested
    class Provisioning {

        @Test
        void createsUpdatesWithAnEchoingPutAndDeactivatesWithPatch() {
            String userName = "Test.User." + UUID.randomUUID().toString().substring(0, 6) + "@Okta.Local";
            HttpResult created = scim.raw("POST", "/Users", scim.token(), "application/json", json(
                    "{'schemas':['" + USER + "'],'userName':'" + userName + "','name':{'givenName':'Test','familyName':'User'},"
                    + "'emails':[{'primary':true,'value':'" + userName.toLowerCase() + "','type':'work'}],'displayName':'Test User',"
                    + "'locale':'en-US','externalId':'00ujl29u0le5T6Aj10h7','groups':[],'password':'1mz050nq','active':true}").toString());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().path("id").asText();

            ObjectNode put = (ObjectNode) scim.get("/Users/" + id).json();
            put.put("displayName", "Updated User");
            put.putArray("groups");
            ((ObjectNode) put.path("emails").get(0)).put("display", "Work");
            HttpResult updated = scim.put("/Users/" + id, put);
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().path("displayName").asText()).isEqualTo("Updated User");
            assertThat(updated.json().path("userName").asText()).isEqualTo(userName);
            assertThat(updated.json().path("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");

            HttpResult deactivated = scim.patch("/Users/" + id, patchOps("{'op':'replace','value':{'active':false}}"));
            assertThat(deactivated.status()).isEqualTo(200);
            assertThat(deactivated.json().path("active").asBoolean()).isFalse();
            HttpResult reactivated = scim.patch("/Users/" + id, patchOps("{'op':'replace','value':{'active':true}}"));
            assertThat(reactivated.json().path("active").asBoolean()).isTrue();
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'replace','value':{'password':'n3wPassw0rd'}}")).status())
                    .isEqualTo(200);
        }

        @Test
        void pushesGroupsAndMemberships() {
            String u1 = scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'okta-u1-" + UUID.randomUUID() + "'}"))
                    .json().path("id").asText();
            String u2 = scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'okta-u2-" + UUID.randomUUID() + "'}"))
                    .json().path("id").asText();
            HttpResult group = scim.post("/Groups", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                    + "'displayName':'Test SCIMv2 " + UUID.randomUUID() + "','members':[]}"));
            assertThat(group.status()).isEqualTo(201);
            String gid = group.json().path("id").asText();

            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'replace','value':{'id':'" + gid + "','displayName':'Renamed " + gid + "'}}"))
                    .status()).isEqualTo(204);
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'add','path':'members','value':[{'value':'" + u1 + "','display':'u1'}]}"))
                    .status()).isEqualTo(204);
            assertThat(scim.patch("/Groups/" + gid, patchOps(
                    "{'op':'remove','path':'members[value eq \\\"" + u1 + "\\\"]'}",
                    "{'op':'add','path':'members','value':[{'value':'" + u2 + "','display':'u2'}]}")).status()).isEqualTo(204);
            JsonNode members = scim.get("/Groups/" + gid).json().path("members");
            assertThat(members.size()).isEqualTo(1);
            assertThat(members.get(0).path("value").asText()).isEqualTo(u2);
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'replace','path':'members','value':[{'value':'" + u1 + "'}]}"))
                    .status()).isEqualTo(204);
            members = scim.get("/Groups/" + gid).json().path("members");
            assertThat(members.size()).isEqualTo(1);
            assertThat(members.get(0).path("value").asText()).isEqualTo(u1);
            assertThat(scim.get("/Groups?startIndex=1&count=100").json().path("totalResults").asInt()).isEqualTo(1);
            assertThat(scim.delete("/Groups/" + gid).status()).isEqualTo(204);
        }
    }
}
