package dev.kcscim.bench.e2e;

import java.util.List;
import java.util.Locale;

/** The markdown of the outbound part: its goals (issues 7 and 10) with verdicts, then the figures per size. */
final class OutboundReport {

    static final double SYNC_GOAL = 1.25;
    static final double P50_GOAL_MS = 250;
    static final double P99_GOAL_MS = 2000;

    private final List<OutboundFigures> figures;

    OutboundReport(List<OutboundFigures> figures) {
        this.figures = figures;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("\n## Outbound (issues 7 and 10)\n\n");
        md.append("| goal | realm size | measured | reference | ratio | goal | met |\n|---|---|---|---|---|---|---|\n");
        for (OutboundFigures f : figures) {
            if (f.syncSeconds.isEmpty()) {
                continue;
            }
            double ratio = OutboundFigures.median(f.ratios);
            boolean clean = f.problems.isEmpty();
            md.append(String.format(Locale.ROOT, "| full sync vs direct ingest of the same users (%d in flight) | %,d | %.2f s "
                    + "| %.2f s | %.2fx (%.2f-%.2f) | <= %.2fx | %s |\n", f.concurrency, f.size,
                    OutboundFigures.median(f.syncSeconds), OutboundFigures.median(f.directSeconds), ratio,
                    OutboundFigures.min(f.ratios), OutboundFigures.max(f.ratios), SYNC_GOAL,
                    verdict(clean && ratio <= SYNC_GOAL, clean)));
            if (f.latency != null && f.latency.arrived() > 0) {
                ChangeLatency.Result r = f.latency;
                boolean complete = r.failed() == 0 && r.arrived() == r.sent();
                md.append(String.format(Locale.ROOT, "| change-to-target latency at %d changes/s, p50 / p99 | %,d | %.0f ms / %.0f ms "
                        + "| | | <= %.0f ms / <= %.0f ms | %s |\n", f.latencyRate, f.size, r.percentile(50), r.percentile(99),
                        P50_GOAL_MS, P99_GOAL_MS, verdict(complete && r.percentile(50) <= P50_GOAL_MS
                                && r.percentile(99) <= P99_GOAL_MS, complete)));
            }
        }
        md.append("\nRatios: median of the repetitions' sync time / direct-ingest time (min-max of the per-repetition ratios).\n");
        for (OutboundFigures f : figures) {
            md.append(String.format(Locale.ROOT, "\n### Outbound, %,d users\n\n", f.size));
            md.append(String.format(Locale.ROOT, "- Loading the realm to %,d users (partialImport, no group memberships): %.0f s\n",
                    f.size, f.loadSeconds));
            md.append("- Repetitions: ").append(f.syncSeconds.size()).append(" (each: direct ingest at ").append(f.concurrency)
                    .append(" in flight, direct ingest at 1 in flight, full sync of a fresh target into the emptied mock)\n\n");
            md.append("| what | median s | min-max s | users/s (median) |\n|---|---|---|---|\n");
            row(md, "full sync (`POST .../sync` -> run `done`, server-side createdAt..finishedAt)", f.syncSeconds, f.realmUsers);
            row(md, "direct ingest, " + DirectIngest.describe(f.concurrency), f.directSeconds, f.realmUsers);
            row(md, "direct ingest, " + DirectIngest.describe(1), f.directOneSeconds, f.realmUsers);
            if (!f.directOneSeconds.isEmpty() && !f.syncSeconds.isEmpty()) {
                md.append(String.format(Locale.ROOT, "\nFull sync / direct ingest with 1 in flight: %.2fx.\n",
                        OutboundFigures.median(f.syncSeconds) / OutboundFigures.median(f.directOneSeconds)));
            }
            md.append(String.format(Locale.ROOT, "\nUsers in scope: %,d (the loaded ones: service accounts, the bench client's included, are in no target's scope; "
                    + "direct ingest POSTs as many). Last run: missing %d, errors %d, %,d accounts on the target.%n",
                    f.realmUsers, f.missingReported, f.errorsReported, f.accountsOnTarget));
            md.append(String.format(Locale.ROOT, "Keycloak heap (after a full GC): %.0f MiB before the first sync, %.0f MiB after "
                    + "the last (its %,d links kept).%n", f.heapBeforeMiB, f.heapAfterMiB, f.size));
            if (f.latency != null) {
                ChangeLatency.Result r = f.latency;
                md.append(String.format(Locale.ROOT, "Change latency: %d Admin REST updates sent at %.1f/s (%d failed), %d arrived "
                        + "at the target; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms.%n", r.sent(), r.rate(), r.failed(),
                        r.arrived(), r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100)));
                md.append("Keycloak's own `latencyMs` of the target (commit to delivery, `GET .../status`): ")
                        .append(f.keycloakLatency).append(".\nTimeline (per 5 s since the first change: answered / arrived, p50 "
                        + "of the changes answered in it): ").append(r.timeline()).append(".\n");
            }
            for (String problem : f.problems) {
                md.append("- Problem: ").append(problem.replace('\n', ' ')).append('\n');
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String what, List<Double> seconds, int size) {
        if (seconds.isEmpty()) {
            return;
        }
        double median = OutboundFigures.median(seconds);
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f-%.2f | %.0f |\n", what, median,
                OutboundFigures.min(seconds), OutboundFigures.max(seconds), size / median));
    }

    private static String verdict(boolean met, boolean clean) {
        return !clean ? "**no** (errors, lost changes or wrong results)" : met ? "yes" : "**no**";
    }
}
