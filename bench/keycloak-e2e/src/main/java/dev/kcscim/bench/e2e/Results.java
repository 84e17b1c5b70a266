package dev.kcscim.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Everything one run measured, in the order measured, plus what the report says about the set-up. */
final class Results {

    final List<Measurement> measurements = new ArrayList<>();
    /** Seconds the partialImport took to grow the realm to each size. */
    final Map<Integer, Double> loadSeconds = new LinkedHashMap<>();
    /** Users in the realm when each size was measured (loaded plus created by earlier measurements). */
    final Map<Integer, Long> realmUsers = new LinkedHashMap<>();
    /** Keycloak heap used (MiB, after a full GC) at named moments. */
    final Map<String, Double> heapMiB = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    /** The outbound part's figures, one per realm size of the {@code outbound} realm. */
    final List<OutboundFigures> outbound = new ArrayList<>();

    void addAll(List<Measurement> measured) {
        measurements.addAll(measured);
    }

    TreeSet<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        measurements.forEach(m -> sizes.add(m.size));
        return sizes;
    }

    List<String> operations() {
        List<String> names = new ArrayList<>();
        measurements.forEach(m -> {
            if (!names.contains(m.operation)) {
                names.add(m.operation);
            }
        });
        return names;
    }

    List<Measurement> of(int size, String operation) {
        return measurements.stream().filter(m -> m.size == size && m.operation.equals(operation)).toList();
    }

    /**
     * The measurement of the system whose label starts with {@code systemPrefix}; of several (the same system
     * with another request form), the first that did not fail outright.
     */
    Optional<Measurement> find(int size, String operation, String systemPrefix) {
        List<Measurement> matching = measurements.stream()
                .filter(m -> m.size == size && m.operation.equals(operation) && m.system.startsWith(systemPrefix))
                .toList();
        return matching.stream().filter(m -> !m.failed()).findFirst().or(() -> matching.stream().findFirst());
    }
}
