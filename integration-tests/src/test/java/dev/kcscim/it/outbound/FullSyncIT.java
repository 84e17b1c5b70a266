package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full sync against a target that drifted: 3 users missing on the target, 3 linked accounts whose users left
 * the scope, 3 accounts with stale attributes and 2 orphan accounts. The sync repairs exactly those (and nothing
 * else), reports them with exact counts and samples, and a second run finds no drift.
 */
@KeycloakIntegrationTest
class FullSyncIT {

    private static OutboundFixture fx;
    private static String staff;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-fullsync");
        staff = fx.createGroup("staff");
        ObjectNode json = OutboundFixture.targetJson("drifting", fx.target.baseUrl());
        ObjectNode users = json.putObject("scope").putObject("users").put("type", "groups");
        users.putArray("groups").add(staff);
        ((ObjectNode) json.get("scope")).putObject("groups").put("type", "none");
        fx.targetId = fx.registerTarget(json);
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String member(String username, String first, String last) {
        String id = fx.createUser(username, first, last, username + "@example.com");
        fx.join(id, staff);
        return id;
    }

    @Test
    void repairsExactlyTheDriftAndReportsIt() {
        List<String> extra = new ArrayList<>();
        for (String name : List.of("xena", "xavi", "xia")) {
            extra.add(member(name, "X", name));
        }
        List<String> stale = new ArrayList<>();
        for (String name : List.of("sam", "sue", "sid")) {
            stale.add(member(name, "S", name));
        }
        String kept = member("kim", "Kim", "Keep");
        fx.createUser("outsider", null, null, null);
        await("7 members on the target", () -> fx.target.users().size() == 7);
        fx.awaitIdle();

        // Drift the target: two accounts nobody linked, three edited behind our back
        fx.target.users().seed(JSON.createObjectNode().put("userName", "orphan-1").put("active", true));
        fx.target.users().seed(JSON.createObjectNode().put("userName", "orphan-2").put("active", true));
        for (String name : List.of("sam", "sue", "sid")) {
            ObjectNode account = fx.target.users().findBy("userName", name);
            ((ObjectNode) account.get("name")).put("givenName", "Edited");
            account.put("displayName", "Edited " + name);
            assertThat(fx.target.users().overwrite(account.get("id").asText(), account)).isTrue();
        }
        // Drift Keycloak without events reaching this target: it is off while users leave and join the scope
        fx.setEnabled(fx.targetId, false);
        for (String id : extra) {
            fx.leave(id, staff);
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("mia", "max", "moe")) {
            missing.add(member(name, "M", name));
        }
        fx.setEnabled(fx.targetId, true);
        assertThat(fx.target.users().size()).isEqualTo(9);
        fx.target.clearRequests();

        String runId = fx.startSync(fx.targetId);
        JsonNode run = fx.awaitRun(fx.targetId, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(run.path("trigger").asText()).isEqualTo("manual");
        assertThat(run.path("phase").asText()).isEqualTo("done");
        JsonNode drift = run.path("drift");
        assertThat(drift.path("missing").path("count").asInt()).as(drift.toString()).isEqualTo(3);
        assertThat(drift.path("extra").path("count").asInt()).as(drift.toString()).isEqualTo(3);
        assertThat(drift.path("stale").path("count").asInt()).as(drift.toString()).isEqualTo(3);
        assertThat(drift.path("orphans").path("count").asInt()).as(drift.toString()).isEqualTo(2);
        assertThat(drift.path("wrongMemberships").path("count").asInt()).isZero();
        assertThat(drift.path("groupsMissing").path("count").asInt()).isZero();
        assertThat(drift.path("errors").path("count").asInt()).as(drift.toString()).isZero();
        assertThat(userIds(drift.path("missing"))).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(userIds(drift.path("extra"))).containsExactlyInAnyOrderElementsOf(extra);
        assertThat(userIds(drift.path("stale"))).containsExactlyInAnyOrderElementsOf(stale);
        assertThat(values(drift.path("orphans"), "userName")).containsExactlyInAnyOrder("orphan-1", "orphan-2");
        assertThat(values(drift.path("orphans"), "action")).containsExactly("reported", "reported");
        assertThat(values(drift.path("extra"), "action")).containsExactly("deleted", "deleted", "deleted");
        assertThat(drift.path("stale").path("samples").get(0).path("paths").toString())
                .contains("name.givenName").contains("displayName");
        assertThat(run.path("progress").path("targetAccounts").asInt()).isEqualTo(9);
        assertThat(run.path("progress").path("users").asInt()).isEqualTo(11);

        // The target now matches Keycloak: 7 members in scope, plus the 2 untouched orphans
        assertThat(fx.target.users().size()).isEqualTo(9);
        for (String name : List.of("mia", "max", "moe", "kim", "sam", "sue", "sid")) {
            assertThat(fx.target.users().findBy("userName", name)).as(name).isNotNull();
        }
        for (String name : List.of("xena", "xavi", "xia", "outsider")) {
            assertThat(fx.target.users().findBy("userName", name)).as(name).isNull();
        }
        assertThat(fx.target.users().findBy("userName", "sam").path("name").path("givenName").asText()).isEqualTo("S");
        assertThat(fx.target.users().findBy("userName", "kim").path("externalId").asText()).isEqualTo(kept);
        assertThat(fx.target.requests(r -> r.is("POST", "/Users"))).hasSize(3);
        assertThat(fx.target.requests(r -> r.is("DELETE", "/Users"))).hasSize(3);
        assertThat(fx.target.requests(r -> r.is("PATCH", "/Users"))).hasSize(3);
        assertThat(fx.target.requests(r -> r.is("GET", "/Users") && r.query() != null
                && r.query().contains("startIndex=1") && r.query().contains("count=100"))).hasSize(1);

        // Nothing left to repair
        String again = fx.startSync(fx.targetId);
        JsonNode second = fx.awaitRun(fx.targetId, again);
        for (String kind : List.of("missing", "extra", "stale", "wrongMemberships", "errors")) {
            assertThat(second.path("drift").path(kind).path("count").asInt()).as(kind).isZero();
        }
        assertThat(second.path("drift").path("orphans").path("count").asInt()).isEqualTo(2);
        HttpResult runs = fx.admin.get(fx.targetPath(fx.targetId) + "/sync");
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.json().get(0).path("id").asText()).isEqualTo(again);
        assertThat(runs.json().get(1).path("id").asText()).isEqualTo(runId);
        assertThat(fx.admin.get(fx.targetPath(fx.targetId) + "/sync/no-such-run").status()).isEqualTo(404);
    }

    private static Set<String> userIds(JsonNode entry) {
        return new HashSet<>(values(entry, "userId"));
    }

    private static List<String> values(JsonNode entry, String member) {
        List<String> values = new ArrayList<>();
        entry.path("samples").forEach(sample -> values.add(sample.path(member).asText()));
        return values;
    }
}
