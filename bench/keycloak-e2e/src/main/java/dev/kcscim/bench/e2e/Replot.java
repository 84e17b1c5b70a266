package dev.kcscim.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Redraws the plots of a finished run from its {@code results.tsv} (size, operation, system, p50, p99, rate,
 * calls, errors, wrong), without starting Keycloak: {@code java -cp ... dev.kcscim.bench.e2e.Replot <results dir>}.
 */
public final class Replot {

    private Replot() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench-results");
        Results results = new Results();
        for (String line : Files.readAllLines(folder.resolve("results.tsv"))) {
            String[] f = line.split("\t");
            Measurement m = new Measurement(Integer.parseInt(f[0]), f[1], f[2]);
            m.samplesMs.add(Double.parseDouble(f[3]));
            m.calls = Integer.parseInt(f[6]);
            m.errors = Integer.parseInt(f[7]);
            m.wrong = Integer.parseInt(f[8]);
            results.measurements.add(m);
        }
        E2eBenchmark.plots(results, folder);
    }
}
