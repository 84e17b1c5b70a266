package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The request shapes Microsoft Entra ID sends (docs/idp-wire-behaviour.md §3-§5). */
@KeycloakIntegrationTest
class EntraShapesIT {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "entra");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static JsonNode createEntraUser() {
        String guid = UUID.randomUUID().toString();
        HttpResult created = scim.post("/Users", json("{'schemas':['" + USER + "','" + ENTERPRISE + "'],'externalId':'" + guid + "',"
                + "'userName':'Test_User_" + guid + "','active':true,'emails':[{'primary':true,'type':'work','value':'Test_User_"
                + guid + "@testuser.com'}],'meta':{'resourceType':'User'},'name':{'formatted':'givenName familyName',"
                + "'familyName':'familyName','givenName':'givenName'},'roles':[]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Nested
    class Users {

        @Test
        void testConnectionAndMatchingLookups() {
            JsonNode user = createEntraUser();

            JsonNode none = scim.get("/Users?filter=" + TestHttp.encode("userName eq \"" + UUID.randomUUID() + "\"")).json();
            // Entra encodes spaces as '+'
            JsonNode byUserName = scim.get("/Users?filter=userName+eq+%22" + TestHttp.encode(user.path("userName").asText()) + "%22").json();
            JsonNode byExternalId = scim.get("/Users?filter=" + TestHttp.encode("externalId eq \"" + user.path("externalId").asText() + "\"")).json();
            JsonNode byWorkEmail = scim.get("/Users?filter=" + TestHttp.encode("emails[type eq \"work\"].value eq \""
                    + user.path("emails").get(0).path("value").asText() + "\"")).json();

            assertThat(none.path("totalResults").asInt()).isZero();
            assertThat(none.path("Resources").size()).isZero();
            assertThat(byUserName.path("totalResults").asInt()).isEqualTo(1);
            assertThat(byExternalId.path("totalResults").asInt()).isEqualTo(1);
            assertThat(byWorkEmail.path("totalResults").asInt()).isEqualTo(1);
            assertThat(byWorkEmail.path("Resources").get(0).path("id").asText()).isEqualTo(user.path("id").asText());
        }

        @Test
        void capitalisedOpsAndFilteredEmailPaths() {
            String id = createEntraUser().path("id").asText();

            HttpResult patched = scim.patch("/Users/" + id, patchOps(
                    "{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'updated@example.com'}",
                    "{'op':'Replace','path':'name.familyName','value':'updatedFamilyName'}"));

            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            JsonNode user = scim.get("/Users/" + id).json();
            assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("updated@example.com");
            assertThat(user.path("emails").get(0).path("type").asText()).isEqualTo("work");
            assertThat(user.path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
            assertThat(admin.get(realm.adminPath("/users/" + id)).json().path("email").asText()).isEqualTo("updated@example.com");
        }

        @Test
        void replacesUserNameKeepingItsCase() {
            String id = createEntraUser().path("id").asText();
            String renamed = "Renamed_" + UUID.randomUUID();

            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'userName','value':'" + renamed + "'}")).status())
                    .isEqualTo(200);

            assertThat(scim.get("/Users/" + id).json().path("userName").asText()).isEqualTo(renamed);
            assertThat(admin.get(realm.adminPath("/users/" + id)).json().path("username").asText()).isEqualTo(renamed.toLowerCase());
        }

        @Test
        void dottedAndUrnKeysInAPathlessValueLandWhereTheyPoint() {
            String id = createEntraUser().path("id").asText();

            HttpResult patched = scim.patch("/Users/" + id, patchOps(
                    "{'op':'replace','value':{'displayName':'New Display','name.givenName':'NewGiven','name.familyName':'NewFamily',"
                    + "'" + ENTERPRISE + ":employeeNumber':'E-42'}}"));

            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            JsonNode user = scim.get("/Users/" + id).json();
            assertThat(user.path("displayName").asText()).isEqualTo("New Display");
            assertThat(user.path("name").path("givenName").asText()).isEqualTo("NewGiven");
            assertThat(user.path("name").path("familyName").asText()).isEqualTo("NewFamily");
            assertThat(user.path("name").has("name.givenName")).isFalse();
            assertThat(user.has("name.givenName")).isFalse();
            assertThat(user.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E-42");
        }

        @Test
        void disablesWithTheStringFalseAndStaysVisible() {
            JsonNode created = createEntraUser();
            String id = created.path("id").asText();

            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'active','value':'False'}")).status()).isEqualTo(200);

            assertThat(scim.get("/Users/" + id).json().path("active").asBoolean()).isFalse();
            JsonNode found = scim.get("/Users?filter=" + TestHttp.encode("userName eq \"" + created.path("userName").asText() + "\"")).json();
            assertThat(found.path("Resources").get(0).path("active").asBoolean()).isFalse();
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'active','value':'True'}")).status()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().path("active").asBoolean()).isTrue();
        }

        @Test
        void setsChangesAndRemovesTheManager() {
            String id = createEntraUser().path("id").asText();
            String boss1 = createEntraUser().path("id").asText();
            String boss2 = createEntraUser().path("id").asText();

            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Add','path':'manager','value':[{'$ref':'" + scim.baseUrl()
                    + "/Users/" + boss1 + "','value':'" + boss1 + "'}]}")).status()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(boss1);
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'" + ENTERPRISE + ":manager','value':{'value':'"
                    + boss2 + "'}}")).status()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(boss2);
            HttpResult removed = scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'manager','value':''}"));
            assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().path(ENTERPRISE).has("manager")).isFalse();
        }

        @Test
        void nullUpdatesClearOptionalAttributes() {
            String id = createEntraUser().path("id").asText();
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Add','path':'nickName','value':'Babs'}")).status()).isEqualTo(200);

            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'nickName','value':''}")).status()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().has("nickName")).isFalse();
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'Replace','path':'nickName','value':null}")).status()).isEqualTo(200);
            assertThat(scim.get("/Users/" + id).json().has("nickName")).isFalse();
        }
    }

    @Nested
    class Groups {

        @Test
        void groupLifecycleWithBothMemberRemovalShapes() {
            String u1 = createEntraUser().path("id").asText();
            String u2 = createEntraUser().path("id").asText();
            String name = "Entra Group " + UUID.randomUUID();
            HttpResult created = scim.post("/Groups", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',"
                    + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'externalId':'" + UUID.randomUUID()
                    + "','displayName':'" + name + "','meta':{'resourceType':'Group'}}"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String gid = created.json().path("id").asText();

            JsonNode byName = scim.get("/Groups?excludedAttributes=members&filter=" + TestHttp.encode("displayName eq \"" + name + "\"")).json();
            assertThat(byName.path("totalResults").asInt()).isEqualTo(1);
            assertThat(scim.get("/Groups/" + gid + "?excludedAttributes=members").json().has("members")).isFalse();
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + u1
                    + "'},{'$ref':null,'value':'" + u2 + "'}]}")).status()).isEqualTo(204);
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'Replace','path':'displayName','value':'" + name + " 2'}")).status())
                    .isEqualTo(204);
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'remove','path':'members[value eq \\\"" + u1 + "\\\"]'}")).status())
                    .isEqualTo(204);
            assertThat(scim.patch("/Groups/" + gid, patchOps("{'op':'Remove','path':'members','value':[{'value':'" + u2 + "'}]}")).status())
                    .isEqualTo(204);
            JsonNode group = scim.get("/Groups/" + gid).json();
            assertThat(group.path("displayName").asText()).isEqualTo(name + " 2");
            assertThat(group.path("members").size()).isZero();
            assertThat(scim.delete("/Groups/" + gid).status()).isEqualTo(204);
        }
    }
}
