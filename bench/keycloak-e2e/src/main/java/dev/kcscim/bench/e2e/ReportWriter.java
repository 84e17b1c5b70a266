package dev.kcscim.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The markdown results: first the goals of issue 4 (and issue 10's {@code /Bulk} goal) with the measured ratio
 * and whether each is met, then every measurement per realm size, then set-up facts and problems seen.
 */
final class ReportWriter {

    static final String LOOKUP = "userName eq lookup";
    static final String LOOKUP_RATE = "userName eq lookup (rate)";
    static final String EMAIL = "emails[type eq \"work\"].value eq lookup";
    static final String CREATE = "create user";
    static final String CREATE_RATE = "create user (rate)";
    static final String DEEP_PAGE = "deep page (100 at 90%)";
    static final String PATCH = "PATCH name.givenName";
    static final String MEMBER_ADD = "add 1 member to the big group";
    static final String BULK = "1,000 creates";

    private final Results results;

    ReportWriter(Results results) {
        this.results = results;
    }

    String markdown(String header) {
        StringBuilder md = new StringBuilder(header);
        md.append("\n## Goals (issue 4, issue 10)\n\n");
        md.append("| goal | realm size | ours | reference | ratio | goal | met |\n|---|---|---|---|---|---|---|\n");
        for (int size : results.sizes()) {
            rateGoal(md, size, LOOKUP_RATE, Scenarios.OURS, "userName eq lookup rate vs Admin REST `username=..&exact=true`", 0.9);
            rateGoal(md, size, CREATE_RATE, Scenarios.OURS_TOKEN, "create rate vs Admin REST `POST /users` (ours with a "
                    + "provisioning token, as IdPs call it)", 1.0);
            rateGoal(md, size, CREATE_RATE, Scenarios.OURS, "create rate vs Admin REST `POST /users` (ours with the same "
                    + "access token)", 1.0);
            latencyGoal(md, size, DEEP_PAGE, Scenarios.OURS, Scenarios.ADMIN, "deep page p50 vs Admin REST `first=..&max=100`", 1.5);
            latencyGoal(md, size, MEMBER_ADD, Scenarios.OURS, Scenarios.OURS_USER_PATCH,
                    "add 1 member p50 vs our single-user PATCH", 2.0);
            bulkGoal(md, size);
        }
        lookupGrowthGoal(md);
        md.append("\nRates: ").append("median of the rounds' rates, several client threads. Latencies: p50 of all "
                + "sequential calls. A ratio is ours / reference (higher is better for rates, lower for latencies).\n");
        for (int size : results.sizes()) {
            md.append(String.format(Locale.ROOT, "\n## %,d users\n\n", size));
            Long users = results.realmUsers.get(size);
            if (users != null) {
                md.append(String.format(Locale.ROOT, "Users in the realm when the measurements began: %,d (users created by the measurements are deleted "
                        + "after each size).\n\n", users));
            }
            md.append("| operation | system | median (min-max) of round medians, ms | p50 ms | p99 ms | rate /s | calls | "
                    + "errors / wrong | ours vs this (p50) |\n|---|---|---|---|---|---|---|---|---|\n");
            for (String operation : results.operations()) {
                List<Measurement> row = results.of(size, operation);
                Optional<Measurement> ours = results.find(size, operation, Scenarios.OURS);
                for (Measurement m : row) {
                    md.append(row(m, ours));
                }
            }
        }
        md.append("\n## Problems seen (first per measurement)\n\n");
        boolean any = false;
        for (Measurement m : results.measurements) {
            if (m.firstProblem != null) {
                any = true;
                md.append(String.format(Locale.ROOT, "- %,d users, %s, %s: %d errors, %d wrong of %d calls; first: `%s`\n",
                        m.size, m.operation, m.system, m.errors, m.wrong, m.calls, m.firstProblem.replace('`', '\'')
                                .replace('\n', ' ')));
            }
        }
        if (!any) {
            md.append("None.\n");
        }
        md.append("\n## Set-up facts\n\n");
        for (Map.Entry<Integer, Double> load : results.loadSeconds.entrySet()) {
            md.append(String.format(Locale.ROOT, "- Loading up to %,d users (partialImport): %.0f s\n",
                    load.getKey(), load.getValue()));
        }
        for (Map.Entry<String, Double> heap : results.heapMiB.entrySet()) {
            md.append(String.format(Locale.ROOT, "- Keycloak heap used %s: %.0f MiB\n", heap.getKey(), heap.getValue()));
        }
        for (String note : results.notes) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private String row(Measurement m, Optional<Measurement> ours) {
        String vsOurs = "";
        if (ours.isPresent() && ours.get() != m && !ours.get().failed() && !m.failed()) {
            vsOurs = String.format(Locale.ROOT, "%.2fx", ours.get().p50() / m.p50());
        }
        String rate = m.roundRates.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", m.medianRate(),
                Measurement.percentile(m.roundRates, 0), Measurement.percentile(m.roundRates, 100));
        if (!m.roundCpuMsPerCall.isEmpty()) {
            rate += String.format(Locale.ROOT, "; Keycloak CPU %.2f ms/call", m.medianCpuMsPerCall());
        }
        String latency = m.failed() ? "all failed" : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", m.medianOfRounds(),
                m.minOfRounds(), m.maxOfRounds());
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %d / %d | %s |\n", m.operation, m.system,
                latency, m.failed() ? "-" : fmt(m.p50()), m.failed() ? "-" : fmt(m.p99()), rate, m.calls, m.errors, m.wrong,
                vsOurs);
    }

    private void rateGoal(StringBuilder md, int size, String operation, String system, String what, double goal) {
        Optional<Measurement> ours = results.find(size, operation, system);
        Optional<Measurement> admin = results.find(size, operation, Scenarios.ADMIN);
        if (ours.isEmpty() || admin.isEmpty()) {
            return;
        }
        double ratio = ours.get().medianRate() / admin.get().medianRate();
        boolean clean = ours.get().errors + ours.get().wrong == 0;
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f/s | %.1f/s | %.2fx | >= %.1fx | %s |\n", what, size,
                ours.get().medianRate(), admin.get().medianRate(), ratio, goal, verdict(clean && ratio >= goal, clean)));
    }

    private void latencyGoal(StringBuilder md, int size, String operation, String system, String reference, String what,
            double goal) {
        Optional<Measurement> ours = results.find(size, operation, system);
        Optional<Measurement> ref = results.find(size, operation, reference);
        if (ours.isEmpty() || ref.isEmpty()) {
            return;
        }
        double ratio = ours.get().p50() / ref.get().p50();
        boolean clean = ours.get().errors + ours.get().wrong == 0;
        md.append(String.format(Locale.ROOT, "| %s | %,d | %s ms | %s ms | %.2fx | <= %.1fx | %s |\n", what, size,
                fmt(ours.get().p50()), fmt(ref.get().p50()), ratio, goal, verdict(clean && ratio <= goal, clean)));
    }

    private void bulkGoal(StringBuilder md, int size) {
        Optional<Measurement> bulk = results.find(size, BULK, Scenarios.OURS);
        Optional<Measurement> singles = results.find(size, BULK, Scenarios.OURS_SINGLE_POSTS);
        if (bulk.isEmpty() || singles.isEmpty()) {
            return;
        }
        double speedup = singles.get().p50() / bulk.get().p50();
        boolean clean = bulk.get().errors + bulk.get().wrong == 0;
        md.append(String.format(Locale.ROOT, "| /Bulk of 1,000 creates vs 1,000 single POSTs (speed-up) | %,d | %s ms | %s ms "
                + "| %.2fx | >= 1.5x | %s |\n", size, fmt(bulk.get().p50()), fmt(singles.get().p50()), speedup,
                verdict(clean && speedup >= 1.5, clean)));
    }

    /**
     * p50 at the largest size over p50 at the smallest, raw and normalised by Admin REST's own growth (measured in
     * the same rounds), because sizes are measured minutes apart and a shared machine's load moves in between.
     */
    private void lookupGrowthGoal(StringBuilder md) {
        if (results.sizes().size() < 2) {
            return;
        }
        int small = results.sizes().first();
        int large = results.sizes().last();
        Optional<Measurement> a = results.find(small, LOOKUP, Scenarios.OURS);
        Optional<Measurement> b = results.find(large, LOOKUP, Scenarios.OURS);
        Optional<Measurement> adminA = results.find(small, LOOKUP, Scenarios.ADMIN);
        Optional<Measurement> adminB = results.find(large, LOOKUP, Scenarios.ADMIN);
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        double ratio = b.get().p50() / a.get().p50();
        md.append(String.format(Locale.ROOT, "| userName eq lookup p50 at %,d vs at %,d (raw) | %,d | %s ms | %s ms | %.2fx | <= 1.3x | %s |\n",
                large, small, large, fmt(b.get().p50()), fmt(a.get().p50()), ratio, verdict(ratio <= 1.3, true)));
        if (adminA.isPresent() && adminB.isPresent()) {
            double adminGrowth = adminB.get().p50() / adminA.get().p50();
            double normalised = ratio / adminGrowth;
            md.append(String.format(Locale.ROOT, "| same, divided by Admin REST's own growth (%.2fx) | %,d | | | %.2fx | <= 1.3x | %s |\n",
                    adminGrowth, large, normalised, verdict(normalised <= 1.3, true)));
        }
    }

    private static String verdict(boolean met, boolean clean) {
        return !clean ? "**no** (errors or wrong results)" : met ? "yes" : "**no**";
    }

    static String fmt(double ms) {
        return Double.isNaN(ms) ? "-" : ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static List<String> plotted() {
        return new ArrayList<>(List.of(LOOKUP, EMAIL, CREATE, DEEP_PAGE, PATCH, MEMBER_ADD));
    }
}
