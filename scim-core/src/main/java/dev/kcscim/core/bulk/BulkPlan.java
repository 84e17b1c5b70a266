package dev.kcscim.core.bulk;

import dev.kcscim.core.error.ScimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a bulk request's operations run (RFC 7644 §3.7.1, §3.7.2). An operation may refer to a
 * bulkId defined by a POST later in the request, so each operation runs after the operations it refers to;
 * otherwise the request's order is kept. Operations that cannot run get their error up front:
 * a reference to a bulkId no POST defines ({@code 400 invalidValue}), a bulkId defined twice
 * ({@code 400 invalidValue}), and circular references ({@code 409}, which RFC 7644 §3.7.1 allows
 * after a failed attempt to resolve them).
 *
 * @param order  indexes of the operations to run, dependencies first
 * @param errors indexes of operations that must not run, with the error each one reports
 */
public record BulkPlan(List<Integer> order, Map<Integer, ScimException> errors) {

    /** One operation as the planner sees it: its method, the bulkId it defines (nullable) and those it uses. */
    public record Step(String method, String bulkId, Set<String> references) {
    }

    private enum Mark { VISITING, DONE }

    /** Plans {@code steps}, given in request order. */
    public static BulkPlan of(List<Step> steps) {
        Map<String, Integer> definedBy = new HashMap<>();
        Map<Integer, ScimException> errors = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.bulkId() == null || !"POST".equalsIgnoreCase(step.method())) {
                continue;
            }
            if (definedBy.putIfAbsent(step.bulkId(), i) != null) {
                errors.put(i, ScimException.invalidValue("bulkId '" + step.bulkId()
                        + "' is already used by operation " + (definedBy.get(step.bulkId()) + 1)));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String reference : steps.get(i).references()) {
                if (!definedBy.containsKey(reference) && !errors.containsKey(i)) {
                    errors.put(i, ScimException.invalidValue("bulkId '" + reference
                            + "' is not defined by any POST operation of this request"));
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        Map<Integer, Mark> marks = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            visit(i, steps, definedBy, marks, new ArrayList<>(), order, errors);
        }
        order.removeIf(errors::containsKey);
        return new BulkPlan(List.copyOf(order), Map.copyOf(errors));
    }

    private static void visit(int index, List<Step> steps, Map<String, Integer> definedBy, Map<Integer, Mark> marks,
                              List<Integer> path, List<Integer> order, Map<Integer, ScimException> errors) {
        Mark mark = marks.get(index);
        if (mark == Mark.DONE) {
            return;
        }
        if (mark == Mark.VISITING) {
            // every operation on the cycle, from the first visit of index to here, cannot be resolved
            List<Integer> cycle = path.subList(path.indexOf(index), path.size());
            for (int member : cycle) {
                errors.putIfAbsent(member, ScimException.conflict("Circular bulkId references between operations "
                        + cycle.stream().map(i -> Integer.toString(i + 1)).reduce((a, b) -> a + ", " + b).orElse("")));
            }
            return;
        }
        marks.put(index, Mark.VISITING);
        path.add(index);
        for (String reference : steps.get(index).references()) {
            Integer target = definedBy.get(reference);
            if (target != null) {
                visit(target, steps, definedBy, marks, path, order, errors);
            }
        }
        path.remove(path.size() - 1);
        marks.put(index, Mark.DONE);
        order.add(index);
    }
}
