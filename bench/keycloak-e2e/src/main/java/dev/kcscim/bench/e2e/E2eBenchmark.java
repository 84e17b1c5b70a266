package dev.kcscim.bench.e2e;

import dev.kcscim.testsupport.FreePorts;
import dev.kcscim.testsupport.HarnessSettings;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.KeycloakServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark: one real Keycloak 26.7.3 with our bundle JAR and Keycloak's native preview SCIM API
 * ({@code --features=scim-api}), one realm grown through the given sizes, and at each size every operation
 * measured side by side on our SCIM API, the Admin REST API and native SCIM (see bench/README.md). Writes
 * {@code results.md} and {@code latency-vs-size.png} to {@code bench.output} after every size, so a run cut
 * short still leaves what it measured. Not a test: nothing here asserts a timing.
 */
public final class E2eBenchmark {

    private static final String REALM = "bench";
    private static final int LOAD_BATCH = Integer.getInteger("bench.load.batch", 500);
    private static final int LOAD_PARALLEL = Integer.getInteger("bench.load.parallel", 2);
    private static final double RATE_ROUND_SECONDS = 3.0;
    /** Operations to measure ({@code -Dbench.operations=create,lookup}); all when empty. */
    private static final List<String> OPERATIONS = Arrays.stream(System.getProperty("bench.operations", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();

    private E2eBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = Boolean.parseBoolean(System.getProperty("bench.inbound", "true"))
                ? sizes("bench.sizes", "1000,10000,100000") : List.of();
        boolean outbound = Boolean.parseBoolean(System.getProperty("bench.outbound", "false"));
        List<Integer> outboundSizes = outbound ? sizes("bench.outbound.sizes", "1000,10000,100000") : List.of();
        int rounds = Integer.getInteger("bench.rounds", 5);
        int threads = Integer.getInteger("bench.threads", 4);
        Path output = Path.of(System.getProperty("bench.output", "target/bench-results")).toAbsolutePath();
        Files.createDirectories(output);
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        List<String> options = new ArrayList<>(List.of("--metrics-enabled=true",
                // one client sends thousands of requests a minute here; the per-caller limit would measure itself
                "--spi-realm-restapi-extension--scim-provisioning--rate-limit-per-minute=0",
                // the outbound part's target is in this JVM, on http://127.0.0.1 (the URL policy refuses both by default)
                "--spi-events-listener--scim-provisioning--allow-http=true",
                "--spi-events-listener--scim-provisioning--allowed-hosts=127.0.0.1"));
        // after the harness's own --log-level (INFO,dev.kcscim:debug), so it wins: our debug lines would be work
        // only our API does (Keycloak's default level is INFO)
        options.add(SqlCount.enabled() ? SqlCount.LOG_OPTION : "--log-level=INFO");
        KeycloakServerConfig config = new KeycloakServerConfig(List.of("scim-api"), options);
        long runStart = System.nanoTime();
        Instant started = Instant.now();
        System.out.println("Starting Keycloak (scim-api, our bundle " + settings.bundleJar().getFileName() + ", heap "
                + settings.heapOptions() + ") ...");
        try (KeycloakServer server = KeycloakServer.start(settings, config, FreePorts.find(), FreePorts.find(),
                List.of("--db=dev-mem"))) {
            System.out.println("Keycloak ready: " + server);
            Results results = new Results();
            BenchRealm realm = new BenchRealm(server, REALM);
            realm.create();
            results.notes.add(realm.ourSettingsNote());
            HeapProbe heap = new HeapProbe(server.managementUrl(), server.pid());
            results.heapMiB.put("after start-up and realm creation, before loading", heap.usedMiB());
            DataLoader loader = new DataLoader(new BenchHttp(server.admin()::token), realm, LOAD_BATCH, LOAD_PARALLEL, true);
            BulkOperation bulk = BulkOperation.detect(realm, results.notes);
            Runner runner = new Runner(Integer.getInteger("bench.warmup", 10), rounds, threads, 10.0, RATE_ROUND_SECONDS,
                    ServerCpu.of(server.pid()));
            Runner bulkRunner = new Runner(0, Math.min(rounds, 3), 1, 600.0, 0);
            int previous = 0;
            for (int size : sizes) {
                System.out.printf(Locale.ROOT, "Growing the realm to %,d users ...%n", size);
                results.loadSeconds.put(size, loader.growTo(size));
                results.heapMiB.put(String.format(Locale.ROOT, "after loading %,d users", size), heap.usedMiB());
                results.realmUsers.put(size, realm.http().get(realm.adminBase() + "/users/count").json().asLong());
                if (SqlCount.enabled()) {
                    countSql(results, new SqlCount(server.logFile()), new Scenarios(realm, size), size);
                } else {
                    measure(results, runner, bulkRunner, bulk, new Scenarios(realm, size), size, previous);
                }
                System.out.printf(Locale.ROOT, "  deleted %,d users created by the measurements%n",
                        scenariosCleanup(realm));
                previous = size;
                write(results, output, sizes, rounds, threads, started, runStart);
            }
            if (outbound) {
                Runnable written = () -> {
                    try {
                        write(results, output, sizes, rounds, threads, started, runStart);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                new OutboundBenchmark(server, heap, Integer.getInteger("bench.outbound.rounds", 3),
                        Integer.getInteger("bench.outbound.rate", 50), Integer.getInteger("bench.outbound.seconds", 60))
                        .run(outboundSizes, results, LOAD_BATCH, LOAD_PARALLEL, written);
            }
            results.heapMiB.put("at the end of the run", heap.usedMiB());
            write(results, output, sizes, rounds, threads, started, runStart);
            System.out.printf(Locale.ROOT, "Done in %.1f min: %s%n", (System.nanoTime() - runStart) / 60e9, output);
        }
    }

    /** Whether {@code -Dbench.operations} selects {@code operation} (lookup, email, create, page, patch, member, bulk). */
    private static boolean selected(String operation) {
        return OPERATIONS.isEmpty() || OPERATIONS.contains(operation);
    }

    /** {@code -Dbench.sql=true}: SQL statements per create and per lookup instead of timings (see {@link SqlCount}). */
    private static void countSql(Results results, SqlCount sql, Scenarios scenarios, int size) {
        String tag = (size >= 1000 ? (size / 1000) + "k" : Integer.toString(size)) + "s";
        System.out.printf(Locale.ROOT, "Counting SQL statements at %,d users ...%n", size);
        sql.measure(size, scenarios.create(ReportWriter.CREATE, 0, tag), 20, results.notes);
        sql.measure(size, scenarios.userNameLookup(ReportWriter.LOOKUP, 0), 20, results.notes);
    }

    private static List<Integer> sizes(String property, String fallback) {
        String value = System.getProperty(property, fallback).trim();
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt)
                .sorted().toList();
    }

    private static void measure(Results results, Runner runner, Runner bulkRunner, BulkOperation bulk, Scenarios scenarios,
            int size, int previous) {
        String tag = size >= 1000 ? (size / 1000) + "k" : Integer.toString(size);
        if (!selected("patch") && !selected("member")) {
            System.out.printf(Locale.ROOT, "Measuring at %,d users (%s) ...%n", size, String.join(",", OPERATIONS));
            measureSelected(results, runner, scenarios, size, tag);
            if (bulk != null && selected("bulk")) {
                guarded(results, size, () -> bulkRunner.latency(size, bulk.operation(tag)));
            }
            return;
        }
        int poolNeeded = 10 + runner.rounds() * 10;
        // PATCH pools: members (even indices), disjoint per system; member-add pools: non-members (odd indices)
        // loaded for this size, disjoint per system, one per call
        List<Scenarios.Pooled> oursPatch = scenarios.users(2, 6, 20);
        List<Scenarios.Pooled> adminPatch = scenarios.users(4, 6, 20);
        List<Scenarios.Pooled> nativePatch = scenarios.users(6, 6, 20);
        List<Scenarios.Pooled> oursNew = scenarios.users(previous + 1, 6, poolNeeded);
        List<Scenarios.Pooled> adminNew = scenarios.users(previous + 3, 6, poolNeeded);
        List<Scenarios.Pooled> nativeNew = scenarios.users(previous + 5, 6, poolNeeded);
        System.out.printf(Locale.ROOT, "Measuring at %,d users ...%n", size);
        measureSelected(results, runner, scenarios, size, tag);
        if (selected("patch")) {
            guarded(results, size, () -> runner.latency(size, scenarios.patchName(10, oursPatch, adminPatch, nativePatch)));
        }
        if (selected("member")) {
            guarded(results, size, () -> runner.latency(size, scenarios.memberAdd(10, oursNew, adminNew, nativeNew, oursPatch)));
        }
        if (bulk != null && selected("bulk")) {
            guarded(results, size, () -> bulkRunner.latency(size, bulk.operation(tag)));
        }
    }

    /** The operations that need no pool of loaded users. */
    private static void measureSelected(Results results, Runner runner, Scenarios scenarios, int size, String tag) {
        if (selected("lookup")) {
            guarded(results, size, () -> runner.latency(size, scenarios.userNameLookup(ReportWriter.LOOKUP, 20)));
            guarded(results, size, () -> runner.rate(size, scenarios.userNameLookup(ReportWriter.LOOKUP_RATE, 0)));
        }
        if (selected("email")) {
            guarded(results, size, () -> runner.latency(size, scenarios.workEmailLookup(20)));
        }
        if (selected("create")) {
            guarded(results, size, () -> runner.latency(size, scenarios.create(ReportWriter.CREATE, 10, tag)));
            guarded(results, size, () -> runner.rate(size, scenarios.create(ReportWriter.CREATE_RATE, 0, tag + "r")));
        }
        if (selected("page")) {
            guarded(results, size, () -> runner.latency(size, scenarios.deepPage(10)));
        }
    }

    /** A measurement that throws (a client-side failure, not an HTTP error) is reported, and the run goes on. */
    private static void guarded(Results results, int size, java.util.function.Supplier<List<Measurement>> measurement) {
        try {
            results.addAll(measurement.get());
        } catch (RuntimeException e) {
            String note = String.format(Locale.ROOT, "%,d users: a measurement failed on the client side: %s", size, e);
            System.out.println("  " + note);
            results.notes.add(note);
        }
    }

    /** Deletes the users the measurements created ({@code zc-...}), so the next size starts from loaded users only. */
    private static int scenariosCleanup(BenchRealm realm) {
        int deleted = 0;
        while (true) {
            BenchHttp.Exchange page = realm.http().get(realm.adminBase() + "/users?briefRepresentation=true&max=500&search=zc-");
            List<String> ids = new ArrayList<>();
            page.json().forEach(u -> {
                if (u.path("username").asText().startsWith("zc-")) {
                    ids.add(u.path("id").asText());
                }
            });
            if (ids.isEmpty()) {
                return deleted;
            }
            for (String id : ids) {
                BenchHttp.Exchange gone = realm.http().send("DELETE", realm.adminBase() + "/users/" + id, null, null);
                if (!gone.ok()) {
                    throw new IllegalStateException("cannot delete created user " + id + ": HTTP " + gone.status());
                }
                deleted++;
            }
        }
    }

    /** The absolute and the relative (to Admin REST) latency plots. */
    static void plots(Results results, Path output) throws IOException {
        new LatencyPlot(results, false).write(output.resolve("latency-vs-size.png"), ReportWriter.plotted(),
                "Keycloak 26.7.3: p50 latency vs realm size (ours = kcscim SCIM, Admin REST, native preview SCIM)");
        new LatencyPlot(results, true).write(output.resolve("latency-ratio-vs-size.png"), ReportWriter.plotted(),
                "Keycloak 26.7.3: p50 latency / Admin REST p50 in the same rounds, vs realm size (lower is better)");
    }

    private static void write(Results results, Path output, List<Integer> sizes, int rounds, int threads, Instant started,
            long runStart) throws IOException {
        String header = String.format(Locale.ROOT, "# End-to-end benchmark results%n%n"
                + "Run started %s, %.1f min so far; sizes requested %s; %d rounds per operation after a warm-up of 10 calls "
                + "per system (rounds capped at 10 s per system); rates with %d client threads, %d-second rounds.%n",
                started, (System.nanoTime() - runStart) / 60e9, sizes, rounds, threads, (int) RATE_ROUND_SECONDS);
        String outbound = results.outbound.isEmpty() ? "" : new OutboundReport(results.outbound).markdown();
        Files.writeString(output.resolve("results.md"), new ReportWriter(results).markdown(header) + outbound);
        if (!results.measurements.isEmpty()) {
            plots(results, output);
        }
        List<String> lines = new ArrayList<>();
        results.measurements.forEach(m -> lines.add(String.join("\t", Integer.toString(m.size), m.operation, m.system,
                Double.toString(m.p50()), Double.toString(m.p99()), Double.toString(m.medianRate()),
                Integer.toString(m.calls), Integer.toString(m.errors), Integer.toString(m.wrong))));
        Files.write(output.resolve("results.tsv"), lines);
    }
}
