package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Versions and conditional requests (RFC 7644 §3.14): {@code meta.version} and the weak {@code ETag} header on
 * every Users/Groups response, following every visible change whoever made it; {@code If-Match} mismatch is
 * {@code 412} and changes nothing; {@code If-None-Match} on the current version is {@code 304}.
 */
@KeycloakIntegrationTest
class ETagsIT {

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "etags");
        scim = realm.scim();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static JsonNode createUser() {
        HttpResult created = scim.post("/Users", json("{'userName':'etag." + UUID.randomUUID().toString().substring(0, 8)
                + "','name':{'givenName':'Ann'}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo(created.json().path("meta").path("version").asText());
        return created.json();
    }

    static String versionOf(String path) {
        HttpResult result = scim.get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.header("ETag")).matches("W/\"[A-Za-z0-9_-]+\"");
        assertThat(result.json().path("meta").path("version").asText()).isEqualTo(result.header("ETag"));
        return result.header("ETag");
    }

    static HttpResult withHeader(String method, String path, Object body, String header, String value) {
        return scim.sendWithHeaders(method, path, body, Map.of(header, value));
    }

    @Nested
    class Versions {

        /**
         * A create answers without reading the new user's groups when the realm has no default groups (Keycloak joins
         * a new user to those only): its version must still be the one a GET computes, with and without default groups.
         */
        @Test
        void ofACreateIsTheVersionOfTheNextGetWithAndWithoutDefaultGroups() {
            JsonNode plain = createUser();
            assertThat(plain.path("groups").size()).isZero();
            assertThat(plain.path("meta").path("lastModified").asText()).isEqualTo(plain.path("meta").path("created").asText());
            assertThat(versionOf("/Users/" + plain.path("id").asText())).isEqualTo(plain.path("meta").path("version").asText());

            HttpResult group = scim.post("/Groups", json("{'displayName':'etag-default-" + UUID.randomUUID() + "'}"));
            String groupId = group.json().path("id").asText();
            HttpResult made = dev.kcscim.testsupport.TestHttp.send("PUT",
                    admin.baseUrl() + realm.adminPath("/default-groups/" + groupId), admin.token(), null, null);
            assertThat(made.status()).as(made.toString()).isEqualTo(204);
            try {
                JsonNode joined = createUser();
                assertThat(joined.path("groups").size()).isEqualTo(1);
                assertThat(joined.path("groups").get(0).path("value").asText()).isEqualTo(groupId);
                assertThat(versionOf("/Users/" + joined.path("id").asText()))
                        .isEqualTo(joined.path("meta").path("version").asText());
            } finally {
                dev.kcscim.testsupport.TestHttp.send("DELETE",
                        admin.baseUrl() + realm.adminPath("/default-groups/" + groupId), admin.token(), null, null);
            }
        }

        @Test
        void changeAfterAnAdminRestChangeOfTheUser() {
            String id = createUser().path("id").asText();
            String before = versionOf("/Users/" + id);

            HttpResult updated = admin.put(realm.adminPath("/users/" + id), json("{'firstName':'Changed'}"));

            assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
            assertThat(versionOf("/Users/" + id)).isNotEqualTo(before);
            assertThat(versionOf("/Users/" + id)).isEqualTo(versionOf("/Users/" + id));
        }

        @Test
        void ofUserAndGroupChangeWhenAdminRestAddsAMember() {
            String userId = createUser().path("id").asText();
            HttpResult group = scim.post("/Groups", json("{'displayName':'etag-group-" + UUID.randomUUID() + "'}"));
            String groupId = group.json().path("id").asText();
            assertThat(group.header("ETag")).isEqualTo(group.json().path("meta").path("version").asText());
            String userBefore = versionOf("/Users/" + userId);
            String groupBefore = versionOf("/Groups/" + groupId + "?excludedAttributes=members");

            HttpResult joined = dev.kcscim.testsupport.TestHttp.send("PUT",
                    admin.baseUrl() + realm.adminPath("/users/" + userId + "/groups/" + groupId), admin.token(), null, null);

            assertThat(joined.status()).as(joined.toString()).isEqualTo(204);
            assertThat(versionOf("/Users/" + userId)).isNotEqualTo(userBefore);
            String groupAfter = versionOf("/Groups/" + groupId + "?excludedAttributes=members");
            assertThat(groupAfter).isNotEqualTo(groupBefore);
            assertThat(versionOf("/Groups/" + groupId)).isEqualTo(groupAfter);
        }

        @Test
        void areReturnedByWritesAndLists() {
            JsonNode user = createUser();
            String id = user.path("id").asText();
            HttpResult patched = scim.patch("/Users/" + id, patchOps("{'op':'replace','path':'title','value':'Boss'}"));
            HttpResult put = scim.put("/Users/" + id, json("{'userName':'" + user.path("userName").asText() + "','title':'Chief'}"));

            assertThat(patched.header("ETag")).isEqualTo(patched.json().path("meta").path("version").asText())
                    .isNotEqualTo(user.path("meta").path("version").asText());
            assertThat(put.header("ETag")).isEqualTo(put.json().path("meta").path("version").asText())
                    .isNotEqualTo(patched.header("ETag"));
            JsonNode listed = scim.get("/Users?filter=" + dev.kcscim.testsupport.TestHttp.encode("id eq \"" + id + "\"")).json();
            assertThat(listed.path("Resources").get(0).path("meta").path("version").asText()).isEqualTo(versionOf("/Users/" + id));
        }

        @Test
        void ofAGroupPatchIsTheETagOfThe204() {
            String userId = createUser().path("id").asText();
            String groupId = scim.post("/Groups", json("{'displayName':'etag-patch-" + UUID.randomUUID() + "'}")).json().path("id").asText();

            HttpResult patched = scim.patch("/Groups/" + groupId, patchOps("{'op':'add','path':'members','value':[{'value':'" + userId + "'}]}"));

            assertThat(patched.status()).as(patched.toString()).isEqualTo(204);
            assertThat(patched.header("ETag")).isEqualTo(versionOf("/Groups/" + groupId));
        }
    }

    @Nested
    class Preconditions {

        @Test
        void ifMatchMismatchIs412AndChangesNothing() {
            JsonNode user = createUser();
            String id = user.path("id").asText();
            String current = versionOf("/Users/" + id);
            String stale = "W/\"stale\"";

            assertError(withHeader("PATCH", "/Users/" + id, patchOps("{'op':'replace','path':'title','value':'X'}"), "If-Match", stale), 412, null);
            assertError(withHeader("PUT", "/Users/" + id, json("{'userName':'renamed.by.put','title':'Y'}"), "If-Match", stale), 412, null);
            assertError(withHeader("DELETE", "/Users/" + id, null, "If-Match", stale), 412, null);

            JsonNode after = scim.get("/Users/" + id).json();
            assertThat(after.has("title")).isFalse();
            assertThat(after.path("userName").asText()).isEqualTo(user.path("userName").asText());
            assertThat(after.path("meta").path("version").asText()).isEqualTo(current);
        }

        @Test
        void ifMatchWithTheCurrentVersionOrStarSucceeds() {
            String id = createUser().path("id").asText();
            String current = versionOf("/Users/" + id);

            HttpResult patched = withHeader("PATCH", "/Users/" + id, patchOps("{'op':'replace','path':'title','value':'A'}"), "If-Match", current);
            HttpResult starred = withHeader("PATCH", "/Users/" + id, patchOps("{'op':'replace','path':'title','value':'B'}"), "If-Match", "*");
            HttpResult deleted = withHeader("DELETE", "/Users/" + id, null, "If-Match", starred.header("ETag"));

            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(starred.status()).as(starred.toString()).isEqualTo(200);
            assertThat(starred.json().path("title").asText()).isEqualTo("B");
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        }

        @Test
        void groupIfMatchMismatchIs412AndKeepsTheName() {
            String name = "etag-412-" + UUID.randomUUID();
            String groupId = scim.post("/Groups", json("{'displayName':'" + name + "'}")).json().path("id").asText();

            assertError(withHeader("PATCH", "/Groups/" + groupId,
                    patchOps("{'op':'replace','path':'displayName','value':'other'}"), "If-Match", "W/\"old\""), 412, null);
            assertError(withHeader("DELETE", "/Groups/" + groupId, null, "If-Match", "W/\"old\""), 412, null);

            assertThat(scim.get("/Groups/" + groupId).json().path("displayName").asText()).isEqualTo(name);
        }

        @Test
        void ifNoneMatchWithTheCurrentVersionIs304WithoutBody() {
            String id = createUser().path("id").asText();
            String current = versionOf("/Users/" + id);

            HttpResult unchanged = withHeader("GET", "/Users/" + id, null, "If-None-Match", current);
            HttpResult changed = withHeader("GET", "/Users/" + id, null, "If-None-Match", "W/\"other\"");

            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.header("ETag")).isEqualTo(current);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().path("id").asText()).isEqualTo(id);
        }
    }
}
