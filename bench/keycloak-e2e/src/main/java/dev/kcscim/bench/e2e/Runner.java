package dev.kcscim.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an operation's variants side by side, alternating the systems in rounds (A, B, C, A, B, C...) after a
 * warm-up of each, so drift of the shared machine (other processes, JIT, garbage collection, realm growth) is
 * spread over all systems instead of landing on one.
 */
final class Runner {

    private final int warmup;
    private final int rounds;
    private final int threads;
    private final long roundCapNanos;
    private final long rateRoundNanos;
    private final ServerCpu serverCpu;

    /**
     * @param warmup          sequential warm-up calls per variant before the first round
     * @param rounds          rounds per operation
     * @param threads         client threads of the rate measurements
     * @param roundCapSeconds longest a variant's round may take: a very slow system gets fewer calls (at least
     *                        one) rather than stalling the whole run
     * @param rateRoundSeconds length of a rate round (the rate warm-up is half of it)
     */
    Runner(int warmup, int rounds, int threads, double roundCapSeconds, double rateRoundSeconds) {
        this(warmup, rounds, threads, roundCapSeconds, rateRoundSeconds, ServerCpu.NONE);
    }

    /** As above; {@code serverCpu} also gives each rate round the Keycloak CPU time it cost per call. */
    Runner(int warmup, int rounds, int threads, double roundCapSeconds, double rateRoundSeconds, ServerCpu serverCpu) {
        this.serverCpu = serverCpu;
        this.warmup = warmup;
        this.rounds = rounds;
        this.threads = threads;
        this.roundCapNanos = (long) (roundCapSeconds * 1e9);
        this.rateRoundNanos = (long) (rateRoundSeconds * 1e9);
    }

    int rounds() {
        return rounds;
    }

    int threads() {
        return threads;
    }

    /** Sequential latency: {@code opsPerRound} calls per variant per round, one at a time. */
    List<Measurement> latency(int size, Operation operation) {
        Map<Operation.Variant, Measurement> results = measurements(size, operation);
        for (Operation.Variant variant : operation.variants()) {
            Measurement scratch = new Measurement(size, operation.name(), variant.system());
            long deadline = System.nanoTime() + roundCapNanos;
            for (int i = 0; i < warmup && (i == 0 || System.nanoTime() < deadline); i++) {
                variant.runInto(scratch);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Operation.Variant variant : operation.variants()) {
                Measurement m = results.get(variant);
                List<Double> latencies = new ArrayList<>();
                long deadline = System.nanoTime() + roundCapNanos;
                for (int i = 0; i < operation.opsPerRound() && (i == 0 || System.nanoTime() < deadline); i++) {
                    latencies.add(variant.runInto(m));
                }
                m.samplesMs.addAll(latencies);
                m.roundMediansMs.add(Measurement.percentile(latencies, 50));
            }
        }
        print(operation, results.values(), false);
        return new ArrayList<>(results.values());
    }

    /**
     * Throughput: each round, {@link #threads} client threads call one variant as fast as they can for the round
     * length; the rate is the calls completed divided by the time until the last one returned.
     */
    List<Measurement> rate(int size, Operation operation) {
        Map<Operation.Variant, Measurement> results = measurements(size, operation);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Operation.Variant variant : operation.variants()) {
                concurrently(pool, variant, new Measurement(size, operation.name(), variant.system()), rateRoundNanos / 2);
            }
            for (int round = 0; round < rounds; round++) {
                for (Operation.Variant variant : operation.variants()) {
                    Measurement m = results.get(variant);
                    long start = System.nanoTime();
                    long cpuBefore = serverCpu.nanos();
                    List<Double> latencies = concurrently(pool, variant, m, rateRoundNanos);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long cpuAfter = serverCpu.nanos();
                    m.roundRates.add(latencies.size() / seconds);
                    if (cpuBefore >= 0 && cpuAfter >= 0 && !latencies.isEmpty()) {
                        m.roundCpuMsPerCall.add((cpuAfter - cpuBefore) / 1e6 / latencies.size());
                    }
                    m.samplesMs.addAll(latencies);
                    m.roundMediansMs.add(Measurement.percentile(latencies, 50));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        print(operation, results.values(), true);
        return new ArrayList<>(results.values());
    }

    private List<Double> concurrently(ExecutorService pool, Operation.Variant variant, Measurement into, long nanos) {
        long deadline = System.nanoTime() + nanos;
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Double> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    mine.add(variant.runInto(into));
                }
                return mine;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> future : futures) {
            try {
                all.addAll(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(variant.system() + " failed", e.getCause());
            }
        }
        return all;
    }

    private static Map<Operation.Variant, Measurement> measurements(int size, Operation operation) {
        Map<Operation.Variant, Measurement> results = new LinkedHashMap<>();
        for (Operation.Variant variant : operation.variants()) {
            results.put(variant, new Measurement(size, operation.name(), variant.system()));
        }
        return results;
    }

    private static void print(Operation operation, Iterable<Measurement> results, boolean rate) {
        for (Measurement m : results) {
            String rateText = rate ? String.format(Locale.ROOT, ", %.1f/s", m.medianRate()) : "";
            if (rate && !m.roundCpuMsPerCall.isEmpty()) {
                rateText += String.format(Locale.ROOT, ", Keycloak CPU %.2f ms/call", m.medianCpuMsPerCall());
            }
            System.out.printf(Locale.ROOT, "  %-40s %-28s p50 %8.2f ms  p99 %8.2f ms%s%s%n", operation.name(), m.system,
                    m.p50(), m.p99(), rateText,
                    m.errors + m.wrong > 0 ? "  errors " + m.errors + " wrong " + m.wrong + ": " + m.firstProblem : "");
        }
    }
}
