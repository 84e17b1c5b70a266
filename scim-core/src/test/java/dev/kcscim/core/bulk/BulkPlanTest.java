package dev.kcscim.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.core.error.ScimException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BulkPlanTest {

    /** {@code "POST a -> b,c"}: method, the bulkId defined ("-" for none) and the bulkIds referred to. */
    static List<BulkPlan.Step> steps(String... specs) {
        List<BulkPlan.Step> steps = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(" -> ");
            String[] head = parts[0].split(" ");
            Set<String> refs = new LinkedHashSet<>();
            if (parts.length > 1) {
                refs.addAll(List.of(parts[1].split(",")));
            }
            steps.add(new BulkPlan.Step(head[0], head[1].equals("-") ? null : head[1], refs));
        }
        return steps;
    }

    /** Errors as "index:status" (1-based), sorted. */
    static String errors(BulkPlan plan) {
        Map<Integer, ScimException> sorted = new TreeMap<>(plan.errors());
        List<String> out = new ArrayList<>();
        sorted.forEach((i, e) -> out.add((i + 1) + ":" + e.status()));
        return String.join(" ", out);
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(new String[] {"POST a", "POST b"}, List.of(1, 2), ""),
                Arguments.of(new String[] {"POST u1", "POST u2", "POST g -> u1,u2"}, List.of(1, 2, 3), ""),
                // forward reference: the group comes first in the request but runs after its members
                Arguments.of(new String[] {"POST g -> u1,u2", "POST u1", "POST u2"}, List.of(2, 3, 1), ""),
                Arguments.of(new String[] {"PATCH - -> g", "POST g"}, List.of(2, 1), ""),
                Arguments.of(new String[] {"POST a -> b", "POST b -> a", "POST c"}, List.of(3), "1:409 2:409"),
                Arguments.of(new String[] {"POST a -> a"}, List.of(), "1:409"),
                Arguments.of(new String[] {"POST a -> nope", "POST b"}, List.of(2), "1:400"),
                Arguments.of(new String[] {"POST a", "POST a"}, List.of(1), "2:400"),
                Arguments.of(new String[] {"DELETE a", "POST b -> a"}, List.of(1), "2:400"),
                // depending on an operation in a cycle: that one is planned, and fails at run time (409 there)
                Arguments.of(new String[] {"POST a -> b", "POST b -> a", "POST c -> a"}, List.of(3), "1:409 2:409"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void ordersDependenciesFirstAndReportsBadReferences(String[] specs, List<Integer> order, String expectedErrors) {
        BulkPlan plan = BulkPlan.of(steps(specs));

        assertThat(plan.order().stream().map(i -> i + 1).toList()).isEqualTo(order);
        assertThat(errors(plan)).isEqualTo(expectedErrors);
    }
}
