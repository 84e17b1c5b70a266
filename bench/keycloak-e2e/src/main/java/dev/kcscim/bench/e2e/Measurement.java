package dev.kcscim.bench.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one system did for one operation at one realm size: the median latency of each round, every single
 * latency (for p50/p99), the throughput of each concurrent round (for the operations measured as a rate), and how
 * many answers were errors (non-2xx) or wrong (2xx, but not the expected result).
 */
final class Measurement {

    final int size;
    final String operation;
    final String system;
    final List<Double> roundMediansMs = new ArrayList<>();
    final List<Double> samplesMs = new ArrayList<>();
    final List<Double> roundRates = new ArrayList<>();
    /** Keycloak's process CPU time per call in each rate round (all its threads, GC and database included). */
    final List<Double> roundCpuMsPerCall = new ArrayList<>();
    int calls;
    int errors;
    int wrong;
    String firstProblem;

    Measurement(int size, String operation, String system) {
        this.size = size;
        this.operation = operation;
        this.system = system;
    }

    synchronized void record(BenchHttp.Exchange exchange, boolean correct) {
        calls++;
        if (!exchange.ok()) {
            errors++;
            if (firstProblem == null) {
                firstProblem = "HTTP " + exchange.status() + " " + exchange.abbreviated();
            }
        } else if (!correct) {
            wrong++;
            if (firstProblem == null) {
                firstProblem = "wrong result: " + exchange.abbreviated();
            }
        }
    }

    /** True when every call failed: there is no latency worth showing. */
    boolean failed() {
        return calls > 0 && errors == calls;
    }

    double medianOfRounds() {
        return percentile(roundMediansMs, 50);
    }

    double minOfRounds() {
        return roundMediansMs.isEmpty() ? Double.NaN : Collections.min(roundMediansMs);
    }

    double maxOfRounds() {
        return roundMediansMs.isEmpty() ? Double.NaN : Collections.max(roundMediansMs);
    }

    double p50() {
        return percentile(samplesMs, 50);
    }

    double p99() {
        return percentile(samplesMs, 99);
    }

    double medianCpuMsPerCall() {
        return percentile(roundCpuMsPerCall, 50);
    }

    double medianRate() {
        return percentile(roundRates, 50);
    }

    /** Nearest-rank percentile of {@code values}; NaN when empty. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
