package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code /Groups} over Keycloak groups (RFC 7644 §3.3-§3.6, RFC 7643 §4.2). */
@KeycloakIntegrationTest
class GroupsIT {

    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "groups");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String user() {
        HttpResult created = scim.post("/Users", json("{'schemas':['" + USER + "'],'userName':'" + unique("member") + "'}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static JsonNode groupFromJson(String body) {
        HttpResult created = scim.post("/Groups", json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static JsonNode group(String displayName, String... userIds) {
        StringBuilder members = new StringBuilder();
        for (String id : userIds) {
            members.append(members.length() == 0 ? "" : ",").append("{'value':'").append(id).append("'}");
        }
        return groupFromJson("{'schemas':['" + GROUP + "'],'displayName':'" + displayName + "','members':[" + members + "]}");
    }

    static List<String> memberIds(String groupId) {
        JsonNode body = scim.get("/Groups/" + groupId).json();
        List<String> ids = new ArrayList<>();
        body.path("members").forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }

    static List<String> keycloakMemberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        admin.get(realm.adminPath("/groups/" + groupId + "/members?max=1000")).json()
                .forEach(member -> ids.add(member.path("id").asText()));
        return ids;
    }

    @Nested
    class Create {

        @Test
        void createsWithMembersAndReturnsThem() {
            String u1 = user();
            String u2 = user();
            String name = unique("Engineering ");

            HttpResult created = scim.post("/Groups", json("{'schemas':['" + GROUP + "'],'displayName':'" + name
                    + "','externalId':'ext-1','members':[{'value':'" + u1 + "','type':'User'},{'value':'" + u2 + "'}]}"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode body = created.json();
            String id = body.path("id").asText();
            assertThat(created.header("Location")).isEqualTo(scim.baseUrl() + "/Groups/" + id);
            assertThat(body.path("displayName").asText()).isEqualTo(name);
            assertThat(body.path("externalId").asText()).isEqualTo("ext-1");
            assertThat(body.path("meta").path("resourceType").asText()).isEqualTo("Group");
            assertThat(body.path("meta").path("location").asText()).isEqualTo(scim.baseUrl() + "/Groups/" + id);
            assertThat(body.path("members").size()).isEqualTo(2);
            JsonNode first = body.path("members").findParent("value");
            assertThat(first.path("type").asText()).isEqualTo("User");
            assertThat(first.path("$ref").asText()).startsWith(scim.baseUrl() + "/Users/");
            assertThat(keycloakMemberIds(id)).containsExactlyInAnyOrder(u1, u2);
        }

        @Test
        void createsEntraShapedGroupsWithoutMembers() {
            HttpResult created = scim.post("/Groups", json("{'schemas':['" + GROUP
                    + "','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'externalId':'e',"
                    + "'displayName':'" + unique("entra") + "','meta':{'resourceType':'Group'}}"));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("members").size()).isZero();
        }

        @Test
        void rejectsDuplicateDisplayNameAndUnknownMembersApplyingNothing() {
            String name = unique("dup");
            group(name);
            String before = admin.get(realm.adminPath("/groups/count")).json().path("count").asText();

            assertError(scim.post("/Groups", json("{'schemas':['" + GROUP + "'],'displayName':'" + name + "'}")), 409, "uniqueness");
            assertError(scim.post("/Groups", json("{'schemas':['" + GROUP + "'],'displayName':'" + unique("bad")
                    + "','members':[{'value':'" + user() + "'},{'value':'" + UUID.randomUUID() + "'}]}")), 400, "invalidValue");
            assertError(scim.post("/Groups", json("{'schemas':['" + GROUP + "']}")), 400, "invalidValue");
            assertThat(admin.get(realm.adminPath("/groups/count")).json().path("count").asText()).isEqualTo(before);
        }
    }

    @Nested
    class Read {

        @Test
        void excludedMembersAreLeftOutAndUnknownIdsAre404() {
            JsonNode created = group(unique("read"), user());
            String id = created.path("id").asText();

            JsonNode without = scim.get("/Groups/" + id + "?excludedAttributes=members").json();

            assertThat(without.has("members")).isFalse();
            assertThat(without.path("displayName").asText()).isEqualTo(created.path("displayName").asText());
            assertError(scim.get("/Groups/" + UUID.randomUUID()), 404, null);
            assertError(scim.get("/Groups/not-a-uuid"), 404, null);
        }

        @Test
        void subgroupsAreMembersOfTypeGroup() {
            JsonNode parent = group(unique("parent"));
            JsonNode child = group(unique("child"));
            String parentId = parent.path("id").asText();
            String childId = child.path("id").asText();

            HttpResult added = scim.patch("/Groups/" + parentId, patchOps(
                    "{'op':'add','path':'members','value':[{'value':'" + childId + "','type':'Group'}]}"));

            assertThat(added.status()).as(added.toString()).isEqualTo(204);
            JsonNode members = scim.get("/Groups/" + parentId).json().path("members");
            assertThat(members.size()).isEqualTo(1);
            assertThat(members.get(0).path("value").asText()).isEqualTo(childId);
            assertThat(members.get(0).path("type").asText()).isEqualTo("Group");
            assertThat(members.get(0).path("$ref").asText()).isEqualTo(scim.baseUrl() + "/Groups/" + childId);
            JsonNode other = group(unique("other"));
            assertError(scim.patch("/Groups/" + other.path("id").asText(), patchOps(
                    "{'op':'add','path':'members','value':[{'value':'" + childId + "','type':'Group'}]}")), 400, "invalidValue");
            assertError(scim.patch("/Groups/" + childId, patchOps(
                    "{'op':'add','path':'members','value':[{'value':'" + parentId + "','type':'Group'}]}")), 400, "invalidValue");
            assertThat(scim.patch("/Groups/" + parentId, patchOps(
                    "{'op':'remove','path':'members[value eq \\\"" + childId + "\\\"]'}")).status()).isEqualTo(204);
            assertThat(memberIds(parentId)).isEmpty();
        }
    }

    @Nested
    class PatchMembers {

        @Test
        void addsAndRemovesWithBothRemovalShapes() {
            String u1 = user();
            String u2 = user();
            String u3 = user();
            String id = group(unique("shapes"), u1, u2, u3).path("id").asText();

            assertThat(scim.patch("/Groups/" + id, patchOps("{'op':'remove','path':'members[value eq \\\"" + u1 + "\\\"]'}"))
                    .status()).isEqualTo(204);
            assertThat(scim.patch("/Groups/" + id, patchOps("{'op':'Remove','path':'members','value':[{'value':'" + u2 + "'}]}"))
                    .status()).isEqualTo(204);

            assertThat(keycloakMemberIds(id)).containsExactly(u3);
        }

        @Test
        void replaceOnMembersRemovesThoseNotListed() {
            String u1 = user();
            String u2 = user();
            String u3 = user();
            String id = group(unique("replace"), u1, u2).path("id").asText();

            HttpResult replaced = scim.patch("/Groups/" + id, patchOps(
                    "{'op':'replace','path':'members','value':[{'value':'" + u2 + "','display':'x'},{'value':'" + u3 + "'}]}"));

            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(204);
            assertThat(keycloakMemberIds(id)).containsExactlyInAnyOrder(u2, u3);
        }

        @Test
        void anUnknownMemberFailsTheWholePatch() {
            String u1 = user();
            String u2 = user();
            JsonNode created = group(unique("atomic"), u1);
            String id = created.path("id").asText();

            HttpResult failed = scim.patch("/Groups/" + id, patchOps(
                    "{'op':'replace','path':'displayName','value':'renamed-" + id + "'}",
                    "{'op':'add','path':'members','value':[{'value':'" + u2 + "'}]}",
                    "{'op':'remove','path':'members[value eq \\\"" + u1 + "\\\"]'}",
                    "{'op':'add','path':'members','value':[{'value':'" + UUID.randomUUID() + "'}]}"));

            assertError(failed, 400, "invalidValue");
            assertThat(keycloakMemberIds(id)).containsExactly(u1);
            assertThat(scim.get("/Groups/" + id).json().path("displayName").asText())
                    .isEqualTo(created.path("displayName").asText());
        }

        @Test
        void removeWithoutFilterRemovesEveryMember() {
            String id = group(unique("all"), user(), user()).path("id").asText();

            assertThat(scim.patch("/Groups/" + id, patchOps("{'op':'remove','path':'members'}")).status()).isEqualTo(204);

            assertThat(keycloakMemberIds(id)).isEmpty();
        }

        @Test
        void returnsTheGroupWhenAttributesAreRequested() {
            String u1 = user();
            String id = group(unique("ret")).path("id").asText();

            HttpResult patched = scim.patch("/Groups/" + id + "?excludedAttributes=members", patchOps(
                    "{'op':'add','path':'members','value':[{'value':'" + u1 + "'}]}"));

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().has("members")).isFalse();
            assertThat(patched.json().path("id").asText()).isEqualTo(id);
        }
    }

    @Nested
    class Rename {

        @Test
        void renamesWithOktasPathlessReplaceEchoingTheId() {
            String id = group(unique("okta")).path("id").asText();
            String name = unique("renamed ");

            HttpResult renamed = scim.patch("/Groups/" + id, patchOps(
                    "{'op':'replace','value':{'id':'" + id + "','displayName':'" + name + "'}}"));

            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(204);
            assertThat(scim.get("/Groups/" + id).json().path("displayName").asText()).isEqualTo(name);
            assertThat(admin.get(realm.adminPath("/groups/" + id)).json().path("name").asText()).isEqualTo(name);
        }

        @Test
        void renameToATakenNameIs409() {
            String taken = group(unique("taken")).path("displayName").asText();
            String id = group(unique("mine")).path("id").asText();

            assertError(scim.patch("/Groups/" + id, patchOps("{'op':'Replace','path':'displayName','value':'" + taken + "'}")),
                    409, "uniqueness");
        }
    }

    @Nested
    class Replace {

        @Test
        void putReplacesNameExternalIdAndMembers() {
            String u1 = user();
            String u2 = user();
            JsonNode created = group(unique("put"), u1);
            String id = created.path("id").asText();
            ObjectNode put = json("{'schemas':['" + GROUP + "'],'id':'" + id + "','displayName':'" + unique("put2")
                    + "','members':[{'value':'" + u2 + "'}]}");

            HttpResult replaced = scim.put("/Groups/" + id, put);

            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.json().path("displayName").asText()).isEqualTo(put.path("displayName").asText());
            assertThat(replaced.json().has("externalId")).isFalse();
            assertThat(keycloakMemberIds(id)).containsExactly(u2);
        }
    }

    @Nested
    class Delete {

        @Test
        void deletesAndThenAnswers404() {
            String id = group(unique("gone")).path("id").asText();

            assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
            assertError(scim.get("/Groups/" + id), 404, null);
            assertThat(admin.get(realm.adminPath("/groups/" + id)).status()).isEqualTo(404);
        }
    }

    @Nested
    class Query {

        @Test
        void findsByDisplayNameWithoutMembersAsEntraAsks() {
            String name = unique("Find Me ");
            String id = group(name, user()).path("id").asText();

            JsonNode list = scim.get("/Groups?excludedAttributes=members&filter="
                    + TestHttp.encode("displayName eq \"" + name.toUpperCase() + "\"")).json();

            assertThat(list.path("totalResults").asInt()).isEqualTo(1);
            assertThat(list.path("Resources").get(0).path("id").asText()).isEqualTo(id);
            assertThat(list.path("Resources").get(0).has("members")).isFalse();
        }

        @Test
        void answersEntrasMembershipCheck() {
            String u1 = user();
            String u2 = user();
            String id = group(unique("check"), u1).path("id").asText();

            JsonNode yes = scim.get("/Groups?excludedAttributes=members&filter="
                    + TestHttp.encode("id eq \"" + id + "\" and members[value eq \"" + u1 + "\"]")).json();
            JsonNode no = scim.get("/Groups?excludedAttributes=members&filter="
                    + TestHttp.encode("id eq \"" + id + "\" and members[value eq \"" + u2 + "\"]")).json();

            assertThat(yes.path("totalResults").asInt()).isEqualTo(1);
            assertThat(no.path("totalResults").asInt()).isZero();
        }

        @Test
        void pagesInNameOrderWithExactTotals() {
            for (int i = 0; i < 4; i++) {
                group(unique("page"));
            }
            long total = scim.get("/Groups?count=0").json().path("totalResults").asLong();
            JsonNode first = scim.get("/Groups?startIndex=1&count=2&excludedAttributes=members").json();
            JsonNode second = scim.get("/Groups?startIndex=3&count=2&excludedAttributes=members").json();

            assertThat(total).isEqualTo(admin.get(realm.adminPath("/groups/count?top=false")).json().path("count").asLong());
            assertThat(first.path("startIndex").asInt()).isEqualTo(1);
            assertThat(second.path("startIndex").asInt()).isEqualTo(3);
            assertThat(first.path("Resources").size()).isEqualTo(2);
            assertThat(first.path("Resources").get(1).path("displayName").asText())
                    .isLessThanOrEqualTo(second.path("Resources").get(0).path("displayName").asText());
        }
    }
}
