package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.mocktarget.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Changes made in Keycloak reach a SCIM target: users (create, update as a minimal PATCH, disable, delete), groups
 * (create, rename, delete) and memberships (delta PATCH), from the Admin REST API and the account API; a rolled-back
 * change sends nothing.
 */
@KeycloakIntegrationTest
class OutboundDeliveryIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-delivery");
        fx.registerTarget("mock");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    /** RFC 7644 §3.3: a new user is POSTed with our id in externalId, never in id. */
    @Nested
    class Users {

        @Test
        void createdUserIsPostedWithExternalId() {
            String id = fx.createUser("alice", "Alice", "Archer", "alice@example.com");
            await("alice on the target", () -> fx.target.users().findBy("userName", "alice") != null);
            JsonNode remote = fx.target.users().findBy("userName", "alice");
            assertThat(remote.path("externalId").asText()).isEqualTo(id);
            assertThat(remote.path("id").asText()).isNotEqualTo(id);
            assertThat(remote.path("active").asBoolean()).isTrue();
            assertThat(remote.path("name").path("givenName").asText()).isEqualTo("Alice");
            assertThat(remote.path("name").path("familyName").asText()).isEqualTo("Archer");
            assertThat(remote.path("emails").get(0).path("value").asText()).isEqualTo("alice@example.com");
            List<RecordedRequest> posts = fx.target.requests(r -> r.is("POST", "/Users")
                    && r.body().path("userName").asText().equals("alice"));
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).body().has("id")).isFalse();
            assertThat(posts.get(0).authorization()).isEqualTo("Bearer " + OutboundFixture.TOKEN);
        }

        /** An update is a PATCH carrying only what changed (RFC 7644 §3.5.2), not a PUT. */
        @Test
        void updateIsSentAsMinimalPatch() {
            String id = fx.createUser("bob", "Bob", "Baker", "bob@example.com");
            await("bob on the target", () -> fx.target.users().findBy("userName", "bob") != null);
            String remoteId = fx.target.users().findBy("userName", "bob").get("id").asText();
            fx.updateUser(id, JSON.createObjectNode().put("firstName", "Robert"));
            await("bob renamed", () -> "Robert".equals(fx.target.users().get(remoteId).path("name").path("givenName").asText()));
            List<RecordedRequest> patches = fx.target.requests(r -> r.is("PATCH", "/Users/" + remoteId));
            assertThat(patches).hasSize(1);
            JsonNode ops = patches.get(0).body().get("Operations");
            assertThat(patches.get(0).body().get("schemas").get(0).asText())
                    .isEqualTo("urn:ietf:params:scim:api:messages:2.0:PatchOp");
            assertThat(ops.toString()).contains("\"name.givenName\"").contains("Robert")
                    .doesNotContain("userName").doesNotContain("emails");
            assertThat(fx.target.requests(r -> r.is("PUT", "/Users"))).isEmpty();
            assertThat(fx.target.users().get(remoteId).path("name").path("familyName").asText()).isEqualTo("Baker");
        }

        @Test
        void disableSendsActiveFalse() {
            String id = fx.createUser("carol", null, null, null);
            await("carol on the target", () -> fx.target.users().findBy("userName", "carol") != null);
            String remoteId = fx.target.users().findBy("userName", "carol").get("id").asText();
            fx.updateUser(id, JSON.createObjectNode().put("enabled", false));
            await("carol inactive", () -> !fx.target.users().get(remoteId).path("active").asBoolean(true));
            JsonNode ops = fx.target.requests(r -> r.is("PATCH", "/Users/" + remoteId)).get(0).body().get("Operations");
            assertThat(ops).hasSize(1);
            assertThat(ops.get(0).path("op").asText()).isEqualTo("replace");
            assertThat(ops.get(0).path("path").asText()).isEqualTo("active");
            assertThat(ops.get(0).path("value").asBoolean(true)).isFalse();
        }

        @Test
        void deleteSendsDelete() {
            String id = fx.createUser("dave", null, null, null);
            await("dave on the target", () -> fx.target.users().findBy("userName", "dave") != null);
            String remoteId = fx.target.users().findBy("userName", "dave").get("id").asText();
            assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/users/" + id).status()).isEqualTo(204);
            await("dave deleted", () -> fx.target.users().get(remoteId) == null);
            assertThat(fx.target.requests(r -> r.is("DELETE", "/Users/" + remoteId))).hasSize(1);
        }

        /** A pre-existing account with the same userName is linked, not duplicated, and keeps its externalId. */
        @Test
        void existingAccountIsLinkedNotDuplicated() {
            ObjectNode existing = JSON.createObjectNode().put("userName", "erin").put("externalId", "hr-4711")
                    .put("active", true);
            String remoteId = fx.target.users().seed(existing);
            String id = fx.createUser("erin", "Erin", "Eagle", null);
            await("erin updated", () -> "Erin".equals(fx.target.users().get(remoteId).path("name").path("givenName").asText()));
            assertThat(fx.target.users().all().stream().filter(u -> u.path("userName").asText().equals("erin"))).hasSize(1);
            assertThat(fx.target.users().get(remoteId).path("externalId").asText()).isEqualTo("hr-4711");
            assertThat(fx.target.requests(r -> r.is("POST", "/Users") && r.body().path("externalId").asText().equals(id)))
                    .isEmpty();
        }
    }

    @Nested
    class Groups {

        @Test
        void groupIsCreatedRenamedAndDeleted() {
            String id = fx.createGroup("engineering");
            await("group on the target", () -> fx.target.groups().findBy("displayName", "engineering") != null);
            String remoteId = fx.target.groups().findBy("displayName", "engineering").get("id").asText();
            assertThat(fx.target.groups().get(remoteId).path("externalId").asText()).isEqualTo(id);

            HttpResult renamed = fx.admin.put("/admin/realms/" + fx.realm + "/groups/" + id,
                    JSON.createObjectNode().put("name", "platform"));
            assertThat(renamed.status()).isEqualTo(204);
            await("group renamed", () -> "platform".equals(fx.target.groups().get(remoteId).path("displayName").asText()));

            assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/groups/" + id).status()).isEqualTo(204);
            await("group deleted", () -> fx.target.groups().get(remoteId) == null);
            assertThat(fx.target.requests(r -> r.is("DELETE", "/Groups/" + remoteId))).hasSize(1);
        }

        /** Membership changes are delta PATCHes naming only the changed member by its remote id. */
        @Test
        void membershipIsSentAsDeltaPatch() {
            String groupId = fx.createGroup("sales");
            String u1 = fx.createUser("sam", null, null, null);
            String u2 = fx.createUser("sue", null, null, null);
            String groups = "/admin/realms/" + fx.realm + "/users/%s/groups/" + groupId;
            assertThat(fx.admin.put(String.format(groups, u1), "").status()).isEqualTo(204);
            assertThat(fx.admin.put(String.format(groups, u2), "").status()).isEqualTo(204);
            await("two members", () -> {
                JsonNode g = fx.target.groups().findBy("displayName", "sales");
                return g != null && g.path("members").size() == 2;
            });
            String remoteGroup = fx.target.groups().findBy("displayName", "sales").get("id").asText();
            String remoteSue = fx.target.users().findBy("userName", "sue").get("id").asText();
            String remoteSam = fx.target.users().findBy("userName", "sam").get("id").asText();

            assertThat(fx.admin.delete(String.format(groups, u1)).status()).isEqualTo(204);
            await("sam removed", () -> fx.target.groups().get(remoteGroup).path("members").size() == 1);
            assertThat(fx.target.groups().get(remoteGroup).path("members").get(0).path("value").asText()).isEqualTo(remoteSue);

            List<RecordedRequest> patches = fx.target.requests(r -> r.is("PATCH", "/Groups/" + remoteGroup));
            assertThat(patches).hasSize(3);
            for (RecordedRequest patch : patches) {
                assertThat(patch.body().get("Operations")).hasSize(1);
            }
            JsonNode remove = patches.get(2).body().get("Operations").get(0);
            assertThat(remove.path("op").asText()).isEqualTo("remove");
            assertThat(remove.path("path").asText()).isEqualTo("members[value eq \"" + remoteSam + "\"]");
            JsonNode add = patches.get(1).body().get("Operations").get(0);
            assertThat(add.path("op").asText()).isEqualTo("add");
            assertThat(add.path("path").asText()).isEqualTo("members");
            assertThat(add.path("value")).hasSize(1);
        }
    }

    @Nested
    class Transactions {

        /** The user is created and joined to a group, then the request fails: the outbox row rolls back too. */
        @Test
        void rolledBackAdminChangeSendsNothing() {
            fx.createGroup("rollback-group");
            fx.awaitIdle();
            int before = fx.target.requests().size();
            ObjectNode rep = JSON.createObjectNode().put("username", "ghost").put("enabled", true);
            rep.putArray("groups").add("/rollback-group").add("/no-such-group");
            HttpResult failed = fx.admin.post("/admin/realms/" + fx.realm + "/users", rep);
            // Keycloak answers an unknown group path with a 500 (RuntimeException), after joining the first group
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(400);
            assertThat(fx.admin.get("/admin/realms/" + fx.realm + "/users?username=ghost&exact=true").json()).isEmpty();
            sleep(3000);
            assertThat(fx.target.users().findBy("userName", "ghost")).isNull();
            assertThat(fx.target.requests().subList(before, fx.target.requests().size()))
                    .noneMatch(r -> r.is("POST", "/Users") || r.is("PATCH", "/Groups"));
            assertThat(fx.status().path("queueDepth").asLong()).isZero();
        }
    }

    @Nested
    class AccountApi {

        /** A user editing their own profile (account REST, event UPDATE_PROFILE) is pushed too. */
        @Test
        void selfServiceProfileChangeIsPushed() {
            String id = fx.createUser("frank", "Frank", "Fisher", "frank@example.com");
            HttpResult password = fx.admin.put("/admin/realms/" + fx.realm + "/users/" + id + "/reset-password",
                    JSON.createObjectNode().put("type", "password").put("value", "Secret-123").put("temporary", false));
            assertThat(password.status()).isEqualTo(204);
            await("frank on the target", () -> fx.target.users().findBy("userName", "frank") != null);
            String remoteId = fx.target.users().findBy("userName", "frank").get("id").asText();
            HttpResult token = TestHttp.postForm(fx.admin.baseUrl() + "/realms/" + fx.realm + "/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "frank", "password", "Secret-123",
                            "scope", "openid"));
            assertThat(token.status()).as(token.toString()).isEqualTo(200);
            String access = token.json().get("access_token").asText();
            ObjectNode profile = JSON.createObjectNode().put("username", "frank").put("firstName", "Franklin")
                    .put("lastName", "Fisher").put("email", "frank@example.com");
            HttpResult updated = TestHttp.send("POST", fx.admin.baseUrl() + "/realms/" + fx.realm + "/account/", access,
                    "application/json", profile.toString());
            assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
            await("frank renamed", () -> "Franklin".equals(fx.target.users().get(remoteId).path("name").path("givenName").asText()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
