package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.client.targets.TargetScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeEvaluatorTest {

    @Test
    void directMembershipOfAScopeGroupMatches() {
        assertThat(ScopeEvaluator.matchesGroups(Set.of("staff"), false, List.of(List.of("staff")))).isTrue();
        assertThat(ScopeEvaluator.matchesGroups(Set.of("staff"), false, List.of(List.of("other")))).isFalse();
        assertThat(ScopeEvaluator.matchesGroups(Set.of("staff"), false, List.of())).isFalse();
    }

    @Test
    void subgroupsCountOnlyWhenIncluded() {
        List<List<String>> intern = List.of(List.of("interns", "staff"));
        assertThat(ScopeEvaluator.matchesGroups(Set.of("staff"), true, intern)).isTrue();
        assertThat(ScopeEvaluator.matchesGroups(Set.of("staff"), false, intern)).isFalse();
        // A parent of a scope group is not in scope
        assertThat(ScopeEvaluator.matchesGroups(Set.of("interns"), true, List.of(List.of("staff")))).isFalse();
        assertThat(ScopeEvaluator.matchesGroups(Set.of("company"), true,
                List.of(List.of("other"), List.of("team", "dept", "company")))).isTrue();
    }

    @Test
    void groupScope() {
        TargetScope none = new TargetScope(TargetScope.Users.ALL, List.of(), true, null, null, null,
                TargetScope.Groups.NONE, List.of());
        TargetScope chosen = new TargetScope(TargetScope.Users.ALL, List.of(), true, null, null, null,
                TargetScope.Groups.CHOSEN, List.of("g1"));
        assertThat(ScopeEvaluator.groupInScope(TargetScope.ALL, "g9")).isTrue();
        assertThat(ScopeEvaluator.groupInScope(none, "g1")).isFalse();
        assertThat(ScopeEvaluator.groupInScope(chosen, "g1")).isTrue();
        assertThat(ScopeEvaluator.groupInScope(chosen, "g2")).isFalse();
    }
}
