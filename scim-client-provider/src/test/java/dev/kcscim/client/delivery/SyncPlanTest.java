package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.TargetConfig;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

    private static final TargetConfig TARGET = ScimSyncAgainstMockTest.configWith(AttributeMapping.DEFAULT);

    private static ObjectNode user(String givenName, boolean active) {
        return OutboundMapper.user("kc-1", "dora", active, givenName, "Diaz", null);
    }

    private static Snapshot.State state(ObjectNode desired, Snapshot.Link link, boolean inScope) {
        return new Snapshot.State(ResourceKind.USER, "kc-1", desired, link, inScope);
    }

    @Test
    void inScopeAndUnlinkedIsACreateOfTheDesiredRepresentation() {
        SyncPlan plan = SyncPlan.of(state(user("Dora", true), null, true), TARGET, () -> true);
        assertThat(plan.operation()).isEqualTo(SyncPlan.Operation.CREATE);
        assertThat(plan.method()).isEqualTo("POST");
        assertThat(plan.path()).isEqualTo("/Users");
        assertThat(plan.body()).isEqualTo(user("Dora", true));
    }

    @Test
    void inScopeAndLinkedIsAMinimalPatchOrNothing() {
        Snapshot.Link link = new Snapshot.Link("r-1", user("Dora", true));
        assertThat(SyncPlan.of(state(user("Dora", true), link, true), TARGET, () -> true).operation())
                .isEqualTo(SyncPlan.Operation.NONE);
        SyncPlan patch = SyncPlan.of(state(user("Dorothea", true), link, true), TARGET, () -> true);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.path()).isEqualTo("/Users/r-1");
        assertThat(patch.body().path("Operations").toString()).contains("\"name.givenName\"").contains("Dorothea")
                .doesNotContain("userName");
        SyncPlan put = SyncPlan.of(state(user("Dorothea", true), link, true), TARGET, () -> false);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.body()).isEqualTo(user("Dorothea", true));
    }

    @Test
    void outOfScopeDeprovisionsOnlyWhatIsLinked() {
        assertThat(SyncPlan.of(state(user("Dora", true), null, false), TARGET, () -> {
            throw new AssertionError("no need to ask the target");
        }).operation()).isEqualTo(SyncPlan.Operation.NONE);
        SyncPlan delete = SyncPlan.of(state(user("Dora", true), new Snapshot.Link("r-1", user("Dora", true)), false),
                TARGET, () -> true);
        assertThat(delete.operation()).isEqualTo(SyncPlan.Operation.DEPROVISION);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo("/Users/r-1");
        assertThat(delete.body()).isNull();
    }

    @Test
    void deactivateModeSendsActiveFalseOnce() {
        TargetConfig t = TARGET;
        TargetConfig deactivate = new TargetConfig(t.id(), t.realmId(), t.name(), t.baseUrl(), true, t.authType(), "tok",
                null, null, null, null, null, null, 1000, 2000, TargetConfig.DeleteMode.DEACTIVATE, t.on404(), t.usePatch(),
                t.retryBudgetMillis(), t.userScope(), t.mapping(), null, t.orphanPolicy(), 0);
        SyncPlan plan = SyncPlan.of(state(user("Dora", true), new Snapshot.Link("r-1", user("Dora", true)), false),
                deactivate, () -> true);
        assertThat(plan.method()).isEqualTo("PATCH");
        assertThat(plan.body().path("Operations").toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
        // Already deactivated: nothing more to send
        assertThat(SyncPlan.of(state(user("Dora", true), new Snapshot.Link("r-1", user("Dora", false)), false),
                deactivate, () -> true).operation()).isEqualTo(SyncPlan.Operation.NONE);
    }

    @Test
    void aDeletedResourceHasNothingToSync() {
        assertThat(SyncPlan.of(state(null, new Snapshot.Link("r-1", null), true), TARGET, () -> true))
                .isEqualTo(SyncPlan.NONE);
    }
}
