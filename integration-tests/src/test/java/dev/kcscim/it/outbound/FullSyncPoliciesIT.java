package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Full sync orphan policies ({@code adopt}, {@code deactivate}) and the group phase: missing and renamed groups,
 * and memberships that drifted on the target, each repaired and counted exactly.
 */
@dev.kcscim.testsupport.KeycloakIntegrationTest
class FullSyncPoliciesIT {

    @Test
    void adoptLinksTheMatchingAccountAndReportsTheOthers(AdminClient admin) {
        try (OutboundFixture fx = new OutboundFixture(admin, "outbound-sync-adopt")) {
            ObjectNode json = OutboundFixture.targetJson("adopting", fx.target.baseUrl()).put("orphanPolicy", "adopt");
            json.putObject("scope").putObject("groups").put("type", "none");
            fx.targetId = fx.registerTarget(json);
            fx.setEnabled(fx.targetId, false);
            String ada = fx.createUser("ada", "Ada", "Lovelace", null);
            String bob = fx.createUser("bob", "Bob", "Byte", null);
            String adaRemote = fx.target.users().seed(JSON.createObjectNode().put("userName", "ada")
                    .put("externalId", "hr-1").put("active", true));
            String zedRemote = fx.target.users().seed(JSON.createObjectNode().put("userName", "zed").put("active", true));
            fx.setEnabled(fx.targetId, true);

            JsonNode run = fx.awaitRun(fx.targetId, fx.startSync(fx.targetId));
            JsonNode drift = run.path("drift");
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
            assertThat(drift.path("orphans").path("count").asInt()).as(drift.toString()).isEqualTo(2);
            assertThat(drift.path("missing").path("count").asInt()).as(drift.toString()).isEqualTo(1);
            assertThat(drift.path("missing").path("samples").get(0).path("userId").asText()).isEqualTo(bob);
            for (String kind : List.of("extra", "stale", "errors")) {
                assertThat(drift.path(kind).path("count").asInt()).as(kind).isZero();
            }
            JsonNode adopted = sample(drift.path("orphans"), "remoteId", adaRemote);
            assertThat(adopted.path("action").asText()).isEqualTo("adopted");
            assertThat(adopted.path("matchedUserId").asText()).isEqualTo(ada);
            assertThat(sample(drift.path("orphans"), "remoteId", zedRemote).path("action").asText()).isEqualTo("reported");

            // Linked, not duplicated: the target's own externalId kept, our attributes sent
            JsonNode account = fx.target.users().get(adaRemote);
            assertThat(account.path("externalId").asText()).isEqualTo("hr-1");
            assertThat(account.path("name").path("givenName").asText()).isEqualTo("Ada");
            assertThat(fx.target.requests(r -> r.is("POST", "/Users") && r.body().path("userName").asText().equals("ada")))
                    .isEmpty();
            assertThat(fx.target.users().get(zedRemote).path("active").asBoolean()).isTrue();
            assertThat(fx.target.users().size()).isEqualTo(3);
        }
    }

    @Test
    void deactivatesOrphansAndRepairsGroupsAndMemberships(AdminClient admin) {
        try (OutboundFixture fx = new OutboundFixture(admin, "outbound-sync-groups")) {
            fx.targetId = fx.registerTarget(OutboundFixture.targetJson("groups", fx.target.baseUrl())
                    .put("orphanPolicy", "deactivate"));
            String team = fx.createGroup("team");
            String cy = fx.createUser("cyd", null, null, null);
            String di = fx.createUser("dina", null, null, null);
            String ed = fx.createUser("edda", null, null, null);
            fx.join(cy, team);
            fx.join(di, team);
            await("team with two members", () -> fx.target.groups().findBy("displayName", "team") != null
                    && fx.target.groups().findBy("displayName", "team").path("members").size() == 2);
            fx.awaitIdle();
            String cyRemote = fx.target.users().findBy("userName", "cyd").get("id").asText();
            String diRemote = fx.target.users().findBy("userName", "dina").get("id").asText();
            String edRemote = fx.target.users().findBy("userName", "edda").get("id").asText();

            // Drift on the target: team renamed, di dropped from it, ed added; an unknown account
            ObjectNode remoteTeam = fx.target.groups().findBy("displayName", "team");
            String teamRemote = remoteTeam.get("id").asText();
            remoteTeam.put("displayName", "team-old");
            remoteTeam.putArray("members").add(JSON.createObjectNode().put("value", cyRemote))
                    .add(JSON.createObjectNode().put("value", edRemote));
            assertThat(fx.target.groups().overwrite(teamRemote, remoteTeam)).isTrue();
            String zoe = fx.target.users().seed(JSON.createObjectNode().put("userName", "zoe").put("active", true));
            // Drift in Keycloak without events for this target
            fx.setEnabled(fx.targetId, false);
            String ops = fx.createGroup("ops");
            fx.setEnabled(fx.targetId, true);

            JsonNode run = fx.awaitRun(fx.targetId, fx.startSync(fx.targetId));
            JsonNode drift = run.path("drift");
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
            assertThat(drift.path("groupsMissing").path("count").asInt()).as(drift.toString()).isEqualTo(1);
            assertThat(drift.path("groupsMissing").path("samples").get(0).path("groupId").asText()).isEqualTo(ops);
            assertThat(drift.path("groupsStale").path("count").asInt()).as(drift.toString()).isEqualTo(1);
            assertThat(drift.path("wrongMemberships").path("count").asInt()).as(drift.toString()).isEqualTo(2);
            assertThat(sample(drift.path("wrongMemberships"), "userId", di).path("action").asText()).isEqualTo("added");
            assertThat(sample(drift.path("wrongMemberships"), "userId", ed).path("action").asText()).isEqualTo("removed");
            assertThat(drift.path("orphans").path("count").asInt()).isEqualTo(1);
            assertThat(sample(drift.path("orphans"), "remoteId", zoe).path("action").asText()).isEqualTo("deactivated");
            for (String kind : List.of("missing", "extra", "stale", "groupsExtra", "errors")) {
                assertThat(drift.path(kind).path("count").asInt()).as(kind).isZero();
            }

            assertThat(fx.target.users().get(zoe).path("active").asBoolean(true)).isFalse();
            JsonNode repaired = fx.target.groups().get(teamRemote);
            assertThat(repaired.path("displayName").asText()).isEqualTo("team");
            Set<String> members = new HashSet<>();
            repaired.path("members").forEach(m -> members.add(m.path("value").asText()));
            assertThat(members).containsExactlyInAnyOrder(cyRemote, diRemote);
            assertThat(fx.target.groups().findBy("displayName", "ops").path("externalId").asText()).isEqualTo(ops);
        }
    }

    private static JsonNode sample(JsonNode entry, String member, String value) {
        List<JsonNode> found = new ArrayList<>();
        entry.path("samples").forEach(s -> {
            if (s.path(member).asText().equals(value)) {
                found.add(s);
            }
        });
        assertThat(found).as(entry.toString()).hasSize(1);
        return found.get(0);
    }
}
