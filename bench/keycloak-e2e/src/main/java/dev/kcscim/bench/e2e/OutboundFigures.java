package dev.kcscim.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * What the outbound benchmark measured at one realm size: per repetition the full-sync time and the direct-ingest
 * times of the same users, the last run's drift counts, Keycloak's heap around the sync, and the change latency.
 */
final class OutboundFigures {

    final int size;
    final int concurrency;
    final List<Double> syncSeconds = new ArrayList<>();
    final List<Double> directSeconds = new ArrayList<>();
    final List<Double> directOneSeconds = new ArrayList<>();
    /** Sync seconds / direct-ingest seconds (at {@link #concurrency}) of each repetition. */
    final List<Double> ratios = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** Users in the target's scope: the loaded ones (service accounts, the bench client's included, are in no scope). */
    int realmUsers;
    double loadSeconds = Double.NaN;
    double heapBeforeMiB = Double.NaN;
    double heapAfterMiB = Double.NaN;
    long missingReported;
    long errorsReported;
    int accountsOnTarget;
    ChangeLatency.Result latency;
    int latencyRate;
    /** The target's {@code latencyMs} as Keycloak reports it (commit of the change to its delivery). */
    String keycloakLatency;

    OutboundFigures(int size, int concurrency) {
        this.size = size;
        this.concurrency = concurrency;
    }

    static double median(List<Double> values) {
        return Measurement.percentile(values, 50);
    }

    static double min(List<Double> values) {
        return Measurement.percentile(values, 0);
    }

    static double max(List<Double> values) {
        return Measurement.percentile(values, 100);
    }
}
