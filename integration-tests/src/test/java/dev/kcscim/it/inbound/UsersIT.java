package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /Users} over Keycloak users (RFC 7644 §3.3-§3.6, mapping of issue 4). */
@KeycloakIntegrationTest
class UsersIT {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "users");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode create(ObjectNode body) {
        HttpResult created = scim.post("/Users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static JsonNode createUser(String userName) {
        return create(json("{'schemas':['" + USER + "'],'userName':'" + userName + "'}"));
    }

    static void assertError(HttpResult result, int status, String scimType) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.mediaType()).isEqualTo("application/scim+json");
        JsonNode body = result.json();
        assertThat(body.path("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(body.path("status").isTextual()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.path("detail").asText()).isNotBlank();
        if (scimType == null) {
            assertThat(body.has("scimType")).isFalse();
        } else {
            assertThat(body.path("scimType").asText()).isEqualTo(scimType);
        }
    }

    @Nested
    class Create {

        @Test
        void createsWithOnlyUserNameOnADefaultRealm() {
            String userName = unique("Only.UserName.");
            HttpResult created = scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'" + userName + "'}"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.mediaType()).isEqualTo("application/scim+json");
            JsonNode body = created.json();
            String id = body.path("id").asText();
            assertThat(created.header("Location")).isEqualTo(scim.baseUrl() + "/Users/" + id);
            assertThat(body.path("userName").asText()).isEqualTo(userName);
            assertThat(body.path("active").asBoolean()).isTrue();
            assertThat(body.path("schemas").get(0).asText()).isEqualTo(USER);
            assertThat(body.path("meta").path("resourceType").asText()).isEqualTo("User");
            assertThat(body.path("meta").path("location").asText()).isEqualTo(scim.baseUrl() + "/Users/" + id);
            assertThat(body.path("meta").path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(body.path("meta").path("lastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(body.path("groups").isArray()).isTrue();
            assertThat(body.has("password")).isFalse();
            JsonNode stored = admin.get(realm.adminPath("/users/" + id)).json();
            assertThat(stored.path("username").asText()).isEqualTo(userName.toLowerCase());
            assertThat(stored.path("enabled").asBoolean()).isTrue();
        }

        @Test
        void mapsEveryAttributeAndReturnsItAsSent() {
            String userName = unique("bjensen");
            JsonNode manager = createUser(unique("boss"));
            ObjectNode body = json("{'schemas':['" + USER + "','" + ENTERPRISE + "'],'userName':'" + userName + "',"
                    + "'externalId':'Ext-" + userName + "',"
                    + "'name':{'givenName':'Barbara','familyName':'Jensen','formatted':'Ms. Barbara J Jensen III','middleName':'Jane',"
                    + "'honorificPrefix':'Ms.','honorificSuffix':'III'},'displayName':'Babs Jensen','nickName':'Babs',"
                    + "'profileUrl':'https://login.example.com/bjensen','title':'Tour Guide','userType':'Employee',"
                    + "'preferredLanguage':'en-US','locale':'en-US','timezone':'America/Los_Angeles','active':true,"
                    + "'emails':[{'value':'" + userName + "@example.com','type':'work','primary':true},"
                    + "{'value':'babs-" + userName + "@jensen.org','type':'home'}],"
                    + "'phoneNumbers':[{'value':'555-555-5555','type':'work'}],"
                    + "'addresses':[{'streetAddress':'100 Universal City Plaza','locality':'Hollywood','region':'CA',"
                    + "'postalCode':'91608','country':'USA','type':'work','primary':true}],"
                    + "'" + ENTERPRISE + "':{'employeeNumber':'701984','costCenter':'4130','organization':'Universal Studios',"
                    + "'division':'Theme Park','department':'Tour Operations','manager':{'value':'" + manager.path("id").asText() + "'}},"
                    + "'password':'t1meMa$heen'}");

            JsonNode created = create(body);
            JsonNode read = scim.get("/Users/" + created.path("id").asText()).json();

            for (JsonNode user : new JsonNode[] {created, read}) {
                assertThat(user.path("userName").asText()).isEqualTo(userName);
                assertThat(user.path("externalId").asText()).isEqualTo("Ext-" + userName);
                assertThat(user.path("name")).isEqualTo(body.path("name"));
                for (String simple : new String[] {"displayName", "nickName", "profileUrl", "title", "userType",
                        "preferredLanguage", "locale", "timezone"}) {
                    assertThat(user.path(simple)).as(simple).isEqualTo(body.path(simple));
                }
                assertThat(user.path("emails")).isEqualTo(body.path("emails"));
                assertThat(user.path("phoneNumbers")).isEqualTo(body.path("phoneNumbers"));
                assertThat(user.path("addresses")).isEqualTo(body.path("addresses"));
                JsonNode enterprise = user.path(ENTERPRISE);
                assertThat(enterprise.path("employeeNumber").asText()).isEqualTo("701984");
                assertThat(enterprise.path("costCenter").asText()).isEqualTo("4130");
                assertThat(enterprise.path("organization").asText()).isEqualTo("Universal Studios");
                assertThat(enterprise.path("division").asText()).isEqualTo("Theme Park");
                assertThat(enterprise.path("department").asText()).isEqualTo("Tour Operations");
                assertThat(enterprise.path("manager").path("value").asText()).isEqualTo(manager.path("id").asText());
                assertThat(enterprise.path("manager").path("$ref").asText())
                        .isEqualTo(scim.baseUrl() + "/Users/" + manager.path("id").asText());
                assertThat(enterprise.path("manager").path("displayName").asText()).isEqualTo(manager.path("userName").asText());
                assertThat(user.path("schemas").toString()).contains(ENTERPRISE);
                assertThat(user.has("password")).isFalse();
            }
            JsonNode stored = admin.get(realm.adminPath("/users/" + created.path("id").asText())).json();
            assertThat(stored.path("email").asText()).isEqualTo(userName.toLowerCase() + "@example.com");
            assertThat(stored.path("firstName").asText()).isEqualTo("Barbara");
            assertThat(stored.path("lastName").asText()).isEqualTo("Jensen");
            JsonNode credentials = admin.get(realm.adminPath("/users/" + created.path("id").asText() + "/credentials")).json();
            assertThat(credentials.size()).isEqualTo(1);
            assertThat(credentials.get(0).path("type").asText()).isEqualTo("password");
        }

        @Test
        void rejectsDuplicateUserNameIgnoringCaseWith409Uniqueness() {
            String userName = unique("Dup.User.");
            createUser(userName);

            assertError(scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'" + userName.toUpperCase() + "'}")),
                    409, "uniqueness");
        }

        @Test
        void rejectsMissingUserNameAndUnknownManager() {
            assertError(scim.post("/Users", json("{'schemas':['" + USER + "'],'displayName':'x'}")), 400, "invalidValue");
            assertError(scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'" + unique("m") + "','"
                    + ENTERPRISE + "':{'manager':{'value':'no-such-user'}}}")), 400, "invalidValue");
        }

        @Test
        void createsInactiveUsers() {
            JsonNode created = create(json("{'schemas':['" + USER + "'],'userName':'" + unique("off") + "','active':false}"));

            assertThat(created.path("active").asBoolean()).isFalse();
            assertThat(admin.get(realm.adminPath("/users/" + created.path("id").asText())).json().path("enabled").asBoolean()).isFalse();
        }
    }

    @Nested
    class Read {

        @Test
        void unknownAndMalformedIdsAre404WithAScimBody() {
            assertError(scim.get("/Users/" + UUID.randomUUID()), 404, null);
            assertError(scim.get("/Users/00919288221112222"), 404, null);
            assertError(scim.get("/Users/%20not%20an%20id"), 404, null);
        }

        @Test
        void honoursAttributesAndExcludedAttributes() {
            JsonNode created = create(json("{'schemas':['" + USER + "'],'userName':'" + unique("proj") + "',"
                    + "'name':{'givenName':'P','familyName':'Q'},'displayName':'PQ'}"));
            String id = created.path("id").asText();

            JsonNode only = scim.get("/Users/" + id + "?attributes=name.givenName").json();
            JsonNode without = scim.get("/Users/" + id + "?excludedAttributes=name,groups").json();

            assertThat(only.path("id").asText()).isEqualTo(id);
            assertThat(only.path("name").path("givenName").asText()).isEqualTo("P");
            assertThat(only.path("name").has("familyName")).isFalse();
            assertThat(only.has("displayName")).isFalse();
            assertThat(without.has("name")).isFalse();
            assertThat(without.has("groups")).isFalse();
            assertThat(without.path("displayName").asText()).isEqualTo("PQ");
        }

        @Test
        void serviceAccountUsersAreInvisible() {
            String serviceAccountId = admin.get(realm.adminPath("/clients/" + admin.clientUuid(realm.name(), "scim-provisioner")
                    + "/service-account-user")).json().path("id").asText();

            assertError(scim.get("/Users/" + serviceAccountId), 404, null);
            assertError(scim.patch("/Users/" + serviceAccountId, patchOps("{'op':'replace','path':'active','value':false}")), 404, null);
            assertError(scim.delete("/Users/" + serviceAccountId), 404, null);
            JsonNode all = scim.get("/Users?count=1000").json();
            all.path("Resources").forEach(user -> assertThat(user.path("id").asText()).isNotEqualTo(serviceAccountId));
            assertThat(scim.get("/Users?filter=" + enc("userName eq \"service-account-scim-provisioner\"")).json()
                    .path("totalResults").asInt()).isZero();
        }
    }

    @Nested
    class Replace {

        @Test
        void replacesTheWholeResourceIgnoringReadOnlyValues() {
            String userName = unique("put");
            JsonNode created = create(json("{'schemas':['" + USER + "'],'userName':'" + userName + "',"
                    + "'name':{'givenName':'A','familyName':'B'},'nickName':'nick','title':'t',"
                    + "'emails':[{'value':'" + userName + "@example.com','primary':true}]}"));
            String id = created.path("id").asText();
            ObjectNode put = (ObjectNode) created.deepCopy();
            put.put("userName", userName.toUpperCase());
            put.remove("nickName");
            put.remove("title");
            ((ObjectNode) put.path("name")).put("givenName", "Changed");
            put.putArray("groups").addObject().put("value", "ignored");
            ((ObjectNode) put.path("meta")).put("created", "2001-01-01T00:00:00Z");

            HttpResult replaced = scim.put("/Users/" + id, put);

            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            JsonNode body = scim.get("/Users/" + id).json();
            assertThat(body.path("userName").asText()).isEqualTo(userName.toUpperCase());
            assertThat(body.path("name").path("givenName").asText()).isEqualTo("Changed");
            assertThat(body.has("nickName")).isFalse();
            assertThat(body.has("title")).isFalse();
            assertThat(body.path("groups").size()).isZero();
            assertThat(body.path("meta").path("created").asText()).isEqualTo(created.path("meta").path("created").asText());
            assertThat(body.path("meta").path("lastModified").asText())
                    .isGreaterThanOrEqualTo(created.path("meta").path("lastModified").asText());
        }

        @Test
        void unknownIdIs404AndTakenUserNameIs409() {
            JsonNode a = createUser(unique("a"));
            JsonNode b = createUser(unique("b"));
            ObjectNode put = (ObjectNode) b.deepCopy();
            put.put("userName", a.path("userName").asText().toUpperCase());

            assertError(scim.put("/Users/" + UUID.randomUUID(), put), 404, null);
            assertError(scim.put("/Users/" + b.path("id").asText(), put), 409, "uniqueness");
        }
    }

    @Nested
    class Patch {

        @Test
        void appliesOperationsInOrderAndReturnsTheResource() {
            JsonNode created = createUser(unique("patch"));
            String id = created.path("id").asText();

            HttpResult patched = scim.patch("/Users/" + id, patchOps(
                    "{'op':'add','path':'nickName','value':'Babs'}",
                    "{'op':'replace','path':'name.givenName','value':'Barbara'}",
                    "{'op':'add','path':'emails','value':[{'value':'p@example.com','type':'work','primary':true}]}",
                    "{'op':'replace','path':'" + ENTERPRISE + ":department','value':'Ops'}"));

            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            JsonNode body = scim.get("/Users/" + id).json();
            assertThat(body.path("nickName").asText()).isEqualTo("Babs");
            assertThat(body.path("name").path("givenName").asText()).isEqualTo("Barbara");
            assertThat(body.path("emails").get(0).path("value").asText()).isEqualTo("p@example.com");
            assertThat(body.path(ENTERPRISE).path("department").asText()).isEqualTo("Ops");
            assertThat(admin.get(realm.adminPath("/users/" + id)).json().path("email").asText()).isEqualTo("p@example.com");
        }

        @Test
        void deactivatesWithAPathlessReplaceAndRemovesAttributes() {
            JsonNode created = create(json("{'schemas':['" + USER + "'],'userName':'" + unique("deact") + "','title':'T'}"));
            String id = created.path("id").asText();

            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'replace','value':{'active':false}}")).status()).isEqualTo(200);
            assertThat(scim.patch("/Users/" + id, patchOps("{'op':'remove','path':'title'}")).status()).isEqualTo(200);

            JsonNode body = scim.get("/Users/" + id).json();
            assertThat(body.path("active").asBoolean()).isFalse();
            assertThat(body.has("title")).isFalse();
        }

        @Test
        void aFailingPatchChangesNothing() {
            JsonNode created = create(json("{'schemas':['" + USER + "'],'userName':'" + unique("atomic") + "',"
                    + "'name':{'givenName':'Before'}}"));
            String id = created.path("id").asText();

            HttpResult failed = scim.patch("/Users/" + id, patchOps(
                    "{'op':'replace','path':'name.givenName','value':'After'}",
                    "{'op':'replace','path':'" + ENTERPRISE + ":manager','value':{'value':'" + UUID.randomUUID() + "'}}"));

            assertError(failed, 400, "invalidValue");
            assertThat(scim.get("/Users/" + id).json().path("name").path("givenName").asText()).isEqualTo("Before");
            assertThat(admin.get(realm.adminPath("/users/" + id)).json().path("firstName").asText()).isEqualTo("Before");
        }

        @Test
        void rejectsReadOnlyPathsAndBadBodies() {
            String id = createUser(unique("ro")).path("id").asText();

            assertError(scim.patch("/Users/" + id, patchOps("{'op':'replace','path':'id','value':'x'}")), 400, "mutability");
            assertError(scim.patch("/Users/" + id, patchOps("{'op':'remove','path':'userName'}")), 400, "invalidValue");
            assertError(scim.patch("/Users/" + id, "{\"schemas\":"), 400, "invalidSyntax");
            assertError(scim.patch("/Users/" + id, json("{'Operations':[]}")), 400, "invalidSyntax");
        }
    }

    /** Keycloak's email as the primary work email; other lists kept whole (UserEmails). */
    @Nested
    class Emails {

        private static JsonNode array(String json) {
            return ScimTestClient.json("{'a':" + json + "}").path("a");
        }

        /** Runs {@code check} with the realm's unmanaged attributes (ours) shown by the Admin REST API, then hides them again. */
        private void withOurAttributesVisible(Runnable check) {
            String path = realm.adminPath("/users/profile");
            ObjectNode profile = (ObjectNode) admin.get(path).json();
            JsonNode before = profile.get("unmanagedAttributePolicy");
            assertThat(admin.put(path, profile.deepCopy().put("unmanagedAttributePolicy", "ADMIN_VIEW")).status()).isEqualTo(200);
            try {
                check.run();
            } finally {
                if (before == null) {
                    profile.remove("unmanagedAttributePolicy");
                }
                assertThat(admin.put(path, profile).status()).isEqualTo(200);
            }
        }

        @Test
        void aUserMadeOutsideScimHasKeycloaksEmailAsItsPrimaryWorkEmail() {
            String username = unique("console.");
            HttpResult made = admin.post(realm.adminPath("/users"), json("{'username':'" + username + "','email':'"
                    + username + "@example.com','enabled':true}"));
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
            String location = made.header("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);

            assertThat(scim.get("/Users/" + id).json().path("emails"))
                    .isEqualTo(array("[{'value':'" + username + "@example.com','type':'work','primary':true}]"));
            // Entra ID's filter and its PATCH of the work email find that email
            JsonNode found = scim.get("/Users?filter=" + enc("emails[type eq \"work\"].value eq \"" + username
                    + "@example.com\"")).json();
            assertThat(found.path("totalResults").asInt()).isEqualTo(1);
            assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
            ObjectNode entraPatch = patchOps();
            ((ArrayNode) entraPatch.get("Operations")).addObject().put("op", "Replace")
                    .put("path", "emails[type eq \"work\"].value").put("value", "moved." + username + "@example.com");
            HttpResult patched = scim.patch("/Users/" + id, entraPatch);
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.json().path("emails"))
                    .isEqualTo(array("[{'value':'moved." + username + "@example.com','type':'work','primary':true}]"));
            assertThat(admin.get(realm.adminPath("/users/" + id)).json().path("email").asText())
                    .isEqualTo("moved." + username + "@example.com");
        }

        @Test
        void theOktaAndEntraShapeIsNotStoredTwiceAndOtherListsAreKeptWhole() {
            String single = unique("single.");
            JsonNode one = create(json("{'schemas':['" + USER + "'],'userName':'" + single + "','emails':[{'primary':true,"
                    + "'value':'" + single + "@example.com','type':'work'}]}"));
            assertThat(one.path("emails")).isEqualTo(array("[{'value':'" + single + "@example.com','type':'work','primary':true}]"));

            String two = unique("two.");
            JsonNode emails = array("[{'value':'" + two + "@Example.com','type':'work','primary':true},"
                    + "{'value':'" + two + "@home.example','type':'home'}]");
            ObjectNode body = json("{'schemas':['" + USER + "'],'userName':'" + two + "'}");
            body.set("emails", emails);
            String twoId = create(body).path("id").asText();
            // the capitals Keycloak's lower-cased email column cannot keep, and the second email, come back as sent
            assertThat(scim.get("/Users/" + twoId).json().path("emails")).isEqualTo(emails);

            withOurAttributesVisible(() -> {
                JsonNode oneStored = admin.get(realm.adminPath("/users/" + one.path("id").asText())).json();
                assertThat(oneStored.path("email").asText()).isEqualTo(single + "@example.com");
                assertThat(oneStored.path("attributes").has("kcscim.emails")).isFalse();
                JsonNode twoStored = admin.get(realm.adminPath("/users/" + twoId)).json();
                assertThat(twoStored.path("email").asText()).isEqualTo(two + "@example.com");
                assertThat(twoStored.path("attributes").path("kcscim.emails")).hasSize(1);
            });

            // back to the single work email: the stored list goes
            HttpResult replaced = scim.patch("/Users/" + twoId, patchOps("{'op':'replace','path':'emails',"
                    + "'value':[{'value':'" + two + "@example.com','type':'work','primary':true}]}"));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.json().path("emails")).isEqualTo(array("[{'value':'" + two + "@example.com','type':'work','primary':true}]"));
            withOurAttributesVisible(() -> {
                JsonNode stored = admin.get(realm.adminPath("/users/" + twoId)).json();
                assertThat(stored.path("email").asText()).isEqualTo(two + "@example.com");
                assertThat(stored.path("attributes").has("kcscim.emails")).isFalse();
            });
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesAndThenAnswers404() {
            String id = createUser(unique("del")).path("id").asText();

            HttpResult deleted = scim.delete("/Users/" + id);

            assertThat(deleted.status()).isEqualTo(204);
            assertError(scim.get("/Users/" + id), 404, null);
            assertThat(admin.get(realm.adminPath("/users/" + id)).status()).isEqualTo(404);
            assertError(scim.delete("/Users/" + id), 404, null);
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownPathsMethodsAndMediaTypesGetScimErrors() {
            assertError(scim.get("/Nope"), 404, null);
            assertError(scim.delete("/Users"), 405, null);
            assertError(scim.raw("POST", "/Users", scim.token(), "text/plain", "userName=x"), 415, null);
            assertError(scim.post("/Users", "{not json"), 400, "invalidSyntax");
            assertError(scim.post("/Users", "[1,2]"), 400, "invalidSyntax");
        }

        @Test
        void acceptsApplicationJsonAndToleratesUnknownAttributes() {
            HttpResult created = scim.raw("POST", "/Users", scim.token(), "application/json",
                    "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + unique("json") + "\",\"madeUp\":{\"x\":1}}");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }

    static String enc(String text) {
        return dev.kcscim.testsupport.TestHttp.encode(text);
    }
}
