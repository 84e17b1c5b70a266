package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full sync of a realm with more users than one page (250 users, pages of 100, read by key): every user is read
 * exactly once, the missing ones are created exactly once, and the links of a page, including a link forgotten
 * and saved again in the same page (its account was deleted on the target), are saved in one batch.
 */
@KeycloakIntegrationTest
class FullSyncPagingIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-fullsync-paging");
        fx.registerTarget("paged");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void syncsEveryUserOfEveryPageExactlyOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(fx.createUser(String.format("early-%03d", i), "E", "U" + i, null));
        }
        await("30 users delivered", () -> fx.target.users().size() == 30);
        fx.awaitIdle();
        // Five linked accounts deleted behind our back: their links are forgotten and saved again by the sync
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode account = fx.target.users().findBy("userName", String.format("early-%03d", i * 6));
            gone.add(account.path("externalId").asText());
            assertThat(fx.target.users().remove(account.path("id").asText())).isTrue();
        }
        fx.setEnabled(fx.targetId, false);
        for (int i = 0; i < 220; i++) {
            ids.add(fx.createUser(String.format("late-%03d", i), "L", "U" + i, null));
        }
        fx.setEnabled(fx.targetId, true);
        fx.target.clearRequests();

        String runId = fx.startSync(fx.targetId);
        JsonNode run = fx.awaitRun(fx.targetId, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        JsonNode drift = run.path("drift");
        assertThat(drift.path("missing").path("count").asInt()).as(drift.toString()).isEqualTo(225);
        for (String kind : List.of("extra", "stale", "orphans", "errors")) {
            assertThat(drift.path(kind).path("count").asInt()).as(kind + " " + drift).isZero();
        }
        assertThat(run.path("progress").path("users").asInt()).isEqualTo(250);
        assertThat(run.path("progress").path("targetAccounts").asInt()).isEqualTo(25);
        assertThat(fx.target.requests(r -> r.is("POST", "/Users"))).hasSize(225);
        // Each Keycloak user has exactly one account, recreated ones included
        List<String> externalIds = fx.target.users().all().stream().map(u -> u.path("externalId").asText())
                .collect(Collectors.toList());
        assertThat(externalIds).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(externalIds).containsAll(gone);

        // Every link was saved (and marked): a second run finds nothing to repair and sends nothing
        fx.target.clearRequests();
        String again = fx.startSync(fx.targetId);
        JsonNode second = fx.awaitRun(fx.targetId, again);
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("done");
        for (String kind : List.of("missing", "extra", "stale", "orphans", "errors")) {
            assertThat(second.path("drift").path(kind).path("count").asInt()).as(kind).isZero();
        }
        assertThat(second.path("progress").path("users").asInt()).isEqualTo(250);
        assertThat(second.path("progress").path("targetAccounts").asInt()).isEqualTo(250);
        assertThat(fx.target.requests(r -> r.is("POST", "/Users") || r.is("PUT", "/Users")
                || r.is("PATCH", "/Users") || r.is("DELETE", "/Users"))).isEmpty();
    }
}
