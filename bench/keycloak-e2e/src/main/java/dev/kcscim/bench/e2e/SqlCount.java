package dev.kcscim.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * SQL statements per call, counted from Keycloak's log: with {@code -Dbench.sql=true} Keycloak runs with
 * {@code org.hibernate.SQL} at debug level, which logs every statement Hibernate sends as one line tagged
 * {@code [org.hibernate.SQL]}. Each variant of an operation makes {@code calls} sequential calls, and the statement
 * lines written meanwhile are divided by the calls. Timings of such a run are meaningless (every statement is
 * logged); the counts are robust to the machine's load. Background work of Keycloak (session expiry...) would
 * add to the count, so it is read as an upper bound over a few seconds of work.
 */
final class SqlCount {

    static final String LOG_OPTION = "--log-level=INFO,dev.kcscim:debug,org.hibernate.SQL:debug";
    private static final String TAG = "[org.hibernate.SQL]";

    private final Path log;

    SqlCount(Path log) {
        this.log = log;
    }

    static boolean enabled() {
        return Boolean.getBoolean("bench.sql");
    }

    /** Statements per call of each variant of {@code operation}, as notes for the report. */
    void measure(int size, Operation operation, int calls, List<String> notes) {
        Measurement scratch = new Measurement(size, operation.name(), "sql");
        for (Operation.Variant variant : operation.variants()) {
            variant.runInto(scratch); // first call of the variant: caches and lazy start-up out of the count
            long before = statements();
            for (int i = 0; i < calls; i++) {
                variant.runInto(scratch);
            }
            long after = statements();
            String note = String.format(Locale.ROOT, "%,d users, %s, %s: %.1f SQL statements per call (%d calls)",
                    size, operation.name(), variant.system(), (after - before) / (double) calls, calls);
            System.out.println("  " + note);
            notes.add(note);
        }
        if (scratch.errors + scratch.wrong > 0) {
            notes.add("SQL count: " + scratch.errors + " errors, " + scratch.wrong + " wrong; first: " + scratch.firstProblem);
        }
    }

    private long statements() {
        try {
            Thread.sleep(500); // the log is written asynchronously by the server
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.contains(TAG)).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
