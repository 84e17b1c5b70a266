package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code POST /Bulk} (RFC 7644 §3.7): bulkId references, failOnErrors, per-operation atomicity and limits. */
@KeycloakIntegrationTest
class BulkIT {

    static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "bulk");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A BulkRequest of operations written in the single-quote JSON form. */
    static ObjectNode bulk(Integer failOnErrors, String... operations) {
        ObjectNode body = json("{'schemas':['" + BULK_REQUEST + "']}");
        if (failOnErrors != null) {
            body.put("failOnErrors", failOnErrors);
        }
        ArrayNode ops = body.putArray("Operations");
        for (String op : operations) {
            ops.add(json(op));
        }
        return body;
    }

    static JsonNode send(ObjectNode body) {
        HttpResult result = scim.post("/Bulk", body);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.mediaType()).isEqualTo("application/scim+json");
        assertThat(result.json().path("schemas").get(0).asText()).isEqualTo(BULK_RESPONSE);
        return result.json().path("Operations");
    }

    static int count(String resource, String filter) {
        return scim.get("/" + resource + "?count=0&filter=" + TestHttp.encode(filter)).json().path("totalResults").asInt();
    }

    static String idFrom(JsonNode result) {
        String location = result.path("location").asText();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static void assertOpError(JsonNode result, int status, String scimType) {
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo(Integer.toString(status));
        JsonNode error = result.path("response");
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotBlank();
        if (scimType == null) {
            assertThat(error.has("scimType")).as(error.toString()).isFalse();
        } else {
            assertThat(error.path("scimType").asText()).isEqualTo(scimType);
        }
    }

    @Nested
    class References {

        @Test
        void createsTwoUsersAndAGroupContainingBothThroughBulkIds() {
            String a = unique("bulk.a.");
            String b = unique("bulk.b.");
            String group = unique("bulk-group-");
            // the group comes first: its references are resolved by running the user POSTs before it
            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Groups','bulkId':'g','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                            + "'displayName':'" + group + "','members':[{'value':'bulkId:u1','type':'User'},{'value':'bulkId:u2'}]}}",
                    "{'method':'POST','path':'/Users','bulkId':'u1','data':{'userName':'" + a + "'}}",
                    "{'method':'POST','path':'/Users','bulkId':'u2','data':{'userName':'" + b + "'}}"));

            assertThat(results).hasSize(3);
            List<String> order = new ArrayList<>();
            results.forEach(r -> order.add(r.path("bulkId").asText()));
            assertThat(order).containsExactly("u1", "u2", "g");
            for (JsonNode result : results) {
                assertThat(result.path("method").asText()).isEqualTo("POST");
                assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("201");
                assertThat(result.path("location").asText()).startsWith(scim.baseUrl() + "/");
                assertThat(result.path("version").asText()).startsWith("W/\"");
            }
            String u1 = idFrom(results.get(0));
            String u2 = idFrom(results.get(1));
            assertThat(results.get(0).path("location").asText()).isEqualTo(scim.baseUrl() + "/Users/" + u1);
            JsonNode fetched = scim.get("/Groups/" + idFrom(results.get(2))).json();
            assertThat(fetched.path("displayName").asText()).isEqualTo(group);
            List<String> members = new ArrayList<>();
            fetched.path("members").forEach(m -> members.add(m.path("value").asText()));
            assertThat(members).containsExactlyInAnyOrder(u1, u2);
            assertThat(scim.get("/Users/" + u1).json().path("userName").asText()).isEqualTo(a);
        }

        @Test
        void patchesAndDeletesAResourceCreatedInTheSameRequest() {
            String name = unique("bulk.p.");
            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Users','bulkId':'p','data':{'userName':'" + name + "'}}",
                    "{'method':'PATCH','path':'/Users/bulkId:p','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                            + "'Operations':[{'op':'replace','path':'title','value':'Patched'}]}}",
                    "{'method':'POST','path':'/Users','bulkId':'q','data':{'userName':'" + name + ".q'}}",
                    "{'method':'DELETE','path':'/Users/bulkId:q'}"));

            assertThat(results.get(1).path("status").asText()).as(results.toString()).isEqualTo("200");
            assertThat(results.get(3).path("status").asText()).isEqualTo("204");
            assertThat(scim.get("/Users/" + idFrom(results.get(0))).json().path("title").asText()).isEqualTo("Patched");
            assertThat(scim.get("/Users/" + idFrom(results.get(2))).status()).isEqualTo(404);
        }

        @Test
        void anUndefinedBulkIdIsAPerOperation400AndTheOthersRun() {
            String name = unique("bulk.ok.");
            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'" + unique("bulk-bad-") + "',"
                            + "'members':[{'value':'bulkId:nobody'}]}}",
                    "{'method':'POST','path':'/Users','bulkId':'ok','data':{'userName':'" + name + "'}}"));

            assertOpError(results.get(0), 400, "invalidValue");
            assertThat(results.get(0).path("response").path("detail").asText()).contains("nobody");
            assertThat(results.get(1).path("status").asText()).isEqualTo("201");
            assertThat(count("Users", "userName eq \"" + name + "\"")).isEqualTo(1);
        }

        @Test
        void circularReferencesAre409AndAReferenceToAFailedPostIs409() {
            String taken = unique("bulk.taken.");
            send(bulk(null, "{'method':'POST','path':'/Users','bulkId':'t','data':{'userName':'" + taken + "'}}"));
            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Groups','bulkId':'a','data':{'displayName':'" + unique("cyc-a-") + "','members':[{'value':'bulkId:b'}]}}",
                    "{'method':'POST','path':'/Groups','bulkId':'b','data':{'displayName':'" + unique("cyc-b-") + "','members':[{'value':'bulkId:a'}]}}",
                    "{'method':'POST','path':'/Users','bulkId':'dup','data':{'userName':'" + taken + "'}}",
                    "{'method':'POST','path':'/Groups','bulkId':'c','data':{'displayName':'" + unique("dep-") + "','members':[{'value':'bulkId:dup'}]}}"));

            assertOpError(results.get(0), 409, null);
            assertOpError(results.get(1), 409, null);
            assertOpError(results.get(2), 409, "uniqueness");
            assertOpError(results.get(3), 409, null);
            assertThat(results.get(3).path("response").path("detail").asText()).contains("dup");
        }
    }

    @Nested
    class Errors {

        @Test
        void failOnErrorsOneStopsAfterTheFirstError() {
            String taken = unique("bulk.first.");
            String never = unique("bulk.never.");
            JsonNode results = send(bulk(1,
                    "{'method':'POST','path':'/Users','bulkId':'1','data':{'userName':'" + taken + "'}}",
                    "{'method':'POST','path':'/Users','bulkId':'2','data':{'userName':'" + taken + "'}}",
                    "{'method':'POST','path':'/Users','bulkId':'3','data':{'userName':'" + never + "'}}"));

            assertThat(results).hasSize(2);
            assertThat(results.get(0).path("status").asText()).isEqualTo("201");
            assertOpError(results.get(1), 409, "uniqueness");
            assertThat(count("Users", "userName eq \"" + never + "\"")).isZero();
        }

        @Test
        void aFailingOperationLeavesNothingOfItselfAndKeepsTheOthers() {
            String kept = unique("bulk-kept-");
            String failed = unique("bulk-failed-");
            String user = unique("bulk.u.");
            // the group is created before its members are checked: the unknown member fails the operation midway
            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Groups','bulkId':'k','data':{'displayName':'" + kept + "'}}",
                    "{'method':'POST','path':'/Groups','bulkId':'f','data':{'displayName':'" + failed + "',"
                            + "'members':[{'value':'" + UUID.randomUUID() + "'}]}}",
                    "{'method':'POST','path':'/Users','bulkId':'u','data':{'userName':'" + user + "'}}",
                    "{'method':'PATCH','path':'/Users/bulkId:u','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                            + "'Operations':[{'op':'replace','path':'title','value':'Half'},{'op':'replace','path':'id','value':'x'}]}}"));

            assertThat(results.get(0).path("status").asText()).isEqualTo("201");
            assertOpError(results.get(1), 400, "invalidValue");
            assertThat(results.get(2).path("status").asText()).isEqualTo("201");
            assertThat(results.get(3).path("status").asText()).as(results.get(3).toString()).isEqualTo("400");
            assertThat(count("Groups", "displayName eq \"" + kept + "\"")).isEqualTo(1);
            assertThat(count("Groups", "displayName eq \"" + failed + "\"")).isZero();
            assertThat(scim.get("/Users/" + idFrom(results.get(2))).json().has("title")).isFalse();
        }

        @Test
        void aStaleVersionIsAPerOperation412() {
            String name = unique("bulk.v.");
            String id = idFrom(send(bulk(null, "{'method':'POST','path':'/Users','bulkId':'v','data':{'userName':'" + name + "'}}")).get(0));

            JsonNode results = send(bulk(null, "{'method':'DELETE','path':'/Users/" + id + "','version':'W/\\\"stale\\\"'}"));

            assertOpError(results.get(0), 412, null);
            assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
        }

        @Test
        void malformedOperationsAreReportedOneByOne() {
            JsonNode results = send(bulk(null,
                    "{'method':'GET','path':'/Users'}",
                    "{'method':'POST','path':'/Users','data':{'userName':'no.bulk.id'}}",
                    "{'method':'PUT','path':'/Printers/1','data':{}}",
                    "{'method':'DELETE','path':'/Users/" + UUID.randomUUID() + "'}"));

            assertOpError(results.get(0), 405, null);
            assertOpError(results.get(1), 400, "invalidSyntax");
            assertOpError(results.get(2), 400, "invalidPath");
            assertOpError(results.get(3), 404, null);
        }

        @Test
        void aBodyWithoutTheBulkRequestSchemaIs400() {
            assertError(scim.post("/Bulk", json("{'Operations':[]}")), 400, "invalidSyntax");
            assertError(scim.get("/Bulk"), 405, null);
        }

        @Test
        void needsAToken() {
            HttpResult result = scim.raw("POST", "/Bulk", null, ScimTestClient.SCIM_JSON, bulk(null).toString());

            assertError(result, 401, null);
        }
    }

    @Nested
    class Limits {

        @Test
        void moreOperationsThanMaxOperationsIs413AndRunsNothing() {
            int max = scim.get("/ServiceProviderConfig").json().path("bulk").path("maxOperations").asInt();
            String prefix = unique("bulk.many.");
            String[] ops = new String[max + 1];
            for (int i = 0; i < ops.length; i++) {
                ops[i] = "{'method':'POST','path':'/Users','bulkId':'" + i + "','data':{'userName':'" + prefix + i + "'}}";
            }

            HttpResult result = scim.post("/Bulk", bulk(null, ops));

            assertError(result, 413, null);
            assertThat(result.json().path("detail").asText()).contains(Integer.toString(max));
            assertThat(count("Users", "userName sw \"" + prefix + "\"")).isZero();
        }

        @Test
        void aBodyOverMaxPayloadSizeIs413() {
            int max = scim.get("/ServiceProviderConfig").json().path("bulk").path("maxPayloadSize").asInt();
            String big = "x".repeat(max);

            HttpResult result = scim.post("/Bulk", bulk(null,
                    "{'method':'POST','path':'/Users','bulkId':'big','data':{'userName':'big','title':'" + big + "'}}"));

            assertError(result, 413, null);
            assertThat(result.json().path("detail").asText()).contains("maxPayloadSize");
        }
    }

    @Nested
    class Audit {

        @Test
        void eachCommittedOperationEmitsItsAdminEventAndAFailedOneNone() {
            HttpResult enabled = admin.put(realm.adminPath(""), json("{'adminEventsEnabled':true,'adminEventsDetailsEnabled':true}"));
            assertThat(enabled.status()).as(enabled.toString()).isEqualTo(204);
            String ok = unique("bulk.audit.");
            String failedGroup = unique("bulk-audit-failed-");

            JsonNode results = send(bulk(null,
                    "{'method':'POST','path':'/Users','bulkId':'a','data':{'userName':'" + ok + "'}}",
                    "{'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'" + failedGroup + "',"
                            + "'members':[{'value':'" + UUID.randomUUID() + "'}]}}"));

            String userId = idFrom(results.get(0));
            JsonNode userEvents = admin.get(realm.adminPath("/admin-events?max=1000&operationTypes=CREATE&resourceTypes=USER"
                    + "&resourcePath=users/" + userId)).json();
            JsonNode groupEvents = admin.get(realm.adminPath("/admin-events?max=1000&resourceTypes=GROUP")).json();
            assertThat(userEvents).hasSize(1);
            assertThat(userEvents.get(0).path("representation").asText()).contains(ok);
            assertThat(groupEvents.toString()).doesNotContain(failedGroup);
        }
    }
}
