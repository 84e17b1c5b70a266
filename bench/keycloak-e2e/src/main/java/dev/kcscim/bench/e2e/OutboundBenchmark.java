package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.KeycloakServer;
import java.util.List;
import java.util.Locale;

/**
 * The outbound part of the benchmark (issues 7 and 10; docs/benchmarks.md, "Outbound"). Its own realm,
 * {@code outbound}, grows through the given sizes (users only, no group memberships); at each size, in every
 * repetition: the benchmark POSTs the same users (as many as the realm holds; the bench client's
 * service-account user is in no target's scope) straight to an empty {@link BenchTarget} at the extension's
 * per-target delivery concurrency and with one request in flight (direct ingest), then a fresh target of the
 * realm's users is created and fully synced into the emptied mock ({@code POST .../targets/{id}/sync}, timed
 * from the run's {@code createdAt} to its {@code finishedAt}). Keycloak's heap is read before the first sync of a
 * size and after its last; the last target then stays linked for the change-latency run ({@link ChangeLatency}).
 */
final class OutboundBenchmark {

    static final String REALM = "outbound";
    /** The bench target's bearer token, new at every run. */
    private static final String TOKEN = dev.kcscim.testsupport.RandomSecret.of(24);
    private static final int WARMUP_SECONDS = 10;

    private final KeycloakServer server;
    private final HeapProbe heap;
    private final int rounds;
    private final int changesPerSecond;
    private final int changeSeconds;

    OutboundBenchmark(KeycloakServer server, HeapProbe heap, int rounds, int changesPerSecond, int changeSeconds) {
        this.server = server;
        this.heap = heap;
        this.rounds = rounds;
        this.changesPerSecond = changesPerSecond;
        this.changeSeconds = changeSeconds;
    }

    /** Measures every size; {@code written} is called after each size so a run cut short keeps its figures. */
    void run(List<Integer> sizes, Results results, int loadBatch, int loadParallel, Runnable written) {
        BenchRealm realm = new BenchRealm(server, REALM);
        realm.create();
        DataLoader loader = new DataLoader(new BenchHttp(server.admin()::token), realm, loadBatch, loadParallel, false);
        OutboundTargets targets = new OutboundTargets(server.admin(), REALM);
        int concurrency = targets.perTargetConcurrency();
        BenchHttp adminHttp = new BenchHttp(server.admin()::token);
        try (BenchTarget target = new BenchTarget(TOKEN)) {
            for (int size : sizes) {
                OutboundFigures figures = new OutboundFigures(size, concurrency);
                results.outbound.add(figures);
                System.out.printf(Locale.ROOT, "Outbound: growing realm %s to %,d users ...%n", REALM, size);
                figures.loadSeconds = loader.growTo(size);
                // the realm's users in scope: the loaded ones (the bench client's service account is in no scope,
                // and GET /users/count leaves it out as well)
                figures.realmUsers = (int) realm.http().get(realm.adminBase() + "/users/count").json().asLong();
                figures.heapBeforeMiB = heap.usedMiB();
                int repetitions = size >= 100_000 ? Integer.getInteger("bench.outbound.rounds.large", 1) : rounds;
                String kept = null;
                for (int rep = 0; rep < repetitions; rep++) {
                    kept = repetition(figures, targets, target, rep, rep == repetitions - 1);
                }
                if (kept != null) {
                    latency(figures, targets, target, adminHttp, realm, kept);
                    targets.delete(kept);
                }
                written.run();
            }
        }
    }

    /** One repetition: direct ingest at the delivery concurrency, then with one in flight, then the full sync. */
    private String repetition(OutboundFigures f, OutboundTargets targets, BenchTarget target, int rep, boolean last) {
        DirectIngest direct = new DirectIngest(target.baseUrl(), TOKEN);
        target.clear();
        double concurrent = direct.run(f.realmUsers, f.concurrency);
        target.clear();
        double single = direct.run(f.realmUsers, 1);
        target.clear();
        String id = targets.create("bench-" + f.size + "-" + rep, target.baseUrl(), TOKEN);
        String runId = targets.startSync(id);
        JsonNode run = targets.awaitRun(id, runId, 600_000L + f.size * 200L);
        double sync = (run.path("finishedAt").asLong() - run.path("createdAt").asLong()) / 1000.0;
        f.directSeconds.add(concurrent);
        f.directOneSeconds.add(single);
        f.syncSeconds.add(sync);
        f.ratios.add(sync / concurrent);
        f.missingReported = run.path("drift").path("missing").path("count").asLong(-1);
        f.errorsReported = run.path("drift").path("errors").path("count").asLong(-1);
        f.accountsOnTarget = target.size();
        System.out.printf(Locale.ROOT, "  %,d users, repetition %d: direct ingest %.2f s (%d in flight), %.2f s (1 in flight);"
                + " full sync %.2f s (%s, missing %d, errors %d, %,d accounts on the target): %.2fx%n", f.size, rep + 1,
                concurrent, f.concurrency, single, sync, run.path("status").asText(), f.missingReported, f.errorsReported,
                f.accountsOnTarget, sync / concurrent);
        if (!run.path("status").asText().equals("done") || f.missingReported != f.realmUsers || f.errorsReported != 0
                || f.accountsOnTarget != f.realmUsers) {
            f.problems.add(String.format(Locale.ROOT, "repetition %d: run %s, missing %d, errors %d, %,d accounts on the "
                    + "target (expected %,d): %s", rep + 1, run.path("status").asText(), f.missingReported, f.errorsReported,
                    f.accountsOnTarget, f.realmUsers, run.path("error").asText(run.path("drift").path("errors").toString())));
        }
        if (last) {
            f.heapAfterMiB = heap.usedMiB();
            return id;
        }
        targets.delete(id);
        return null;
    }

    private void latency(OutboundFigures f, OutboundTargets targets, BenchTarget target, BenchHttp adminHttp,
            BenchRealm realm, String targetId) {
        ChangeLatency changes = new ChangeLatency(adminHttp, realm.adminBase(), target);
        List<ObjectNode> all = changes.users(Math.min(f.size, changesPerSecond * (changeSeconds + WARMUP_SECONDS)));
        // Warm-up: the delivery path (pump, claim, snapshot, PATCH) has not run yet in this Keycloak; its first tens
        // of seconds (JIT) would otherwise be measured. Other users than the measured ones, then an empty queue.
        int warm = Math.min(all.size() / 4, changesPerSecond * WARMUP_SECONDS);
        System.out.printf(Locale.ROOT, "  change latency: warm-up, %d changes ...%n", warm);
        changes.run(all.subList(0, warm), changesPerSecond, Math.max(1, warm / changesPerSecond), 60);
        targets.awaitIdle(targetId, 300_000);
        List<ObjectNode> users = all.subList(warm, all.size());
        // one change per user: a second change of a user whose first is still queued would be coalesced with it
        int seconds = Math.max(1, Math.min(changeSeconds, users.size() / changesPerSecond));
        System.out.printf(Locale.ROOT, "  change latency: %d changes/s for %d s over %,d users ...%n", changesPerSecond,
                seconds, users.size());
        f.latencyRate = changesPerSecond;
        f.latency = changes.run(users, changesPerSecond, seconds, 60);
        ChangeLatency.Result r = f.latency;
        System.out.printf(Locale.ROOT, "  change latency: sent %d at %.1f/s (%d failed), arrived %d: p50 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms%n", r.sent(), r.rate(), r.failed(), r.arrived(), r.percentile(50), r.percentile(99),
                r.percentile(100));
        System.out.println("  timeline (per 5 s since the first change: answered/arrived, p50 of those answered): "
                + r.timeline());
        if (r.firstProblem() != null) {
            f.problems.add("change latency: " + r.failed() + " Admin REST updates failed; first: " + r.firstProblem());
        }
        if (!targets.awaitIdle(targetId, 120_000)) {
            f.problems.add("change latency: the target's queue was not empty 120 s after the last change");
        }
        JsonNode status = targets.status(targetId);
        System.out.println("  Keycloak's own view of the target: " + status);
        f.keycloakLatency = status.path("latencyMs").toString();
        long dead = status.path("deadLetters").asLong(0);
        if (dead > 0) {
            f.problems.add("change latency: " + dead + " dead letters");
        }
    }
}
