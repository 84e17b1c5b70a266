package dev.kcscim.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Heap used by the Keycloak under test: the sum of {@code jvm_memory_used_bytes{area="heap"}} from the
 * management interface's {@code /metrics} ({@code --metrics-enabled=true}), read right after a full collection
 * requested with {@code jcmd <pid> GC.run} on the Keycloak JVM (when {@code jcmd} is available), so the figure is
 * live data rather than garbage. H2 runs in memory inside that JVM, so the database is part of it.
 */
final class HeapProbe {

    private final String metricsUrl;
    private final long launcherPid;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HeapProbe(String managementUrl, long launcherPid) {
        this.metricsUrl = managementUrl + "/metrics";
        this.launcherPid = launcherPid;
    }

    /** Heap used in MiB after a full GC; NaN when the metrics cannot be read. */
    double usedMiB() {
        boolean collected = fullGc();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            double bytes = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            if (!collected) {
                System.out.println("  (no full GC before the heap reading: jcmd unavailable)");
            }
            return bytes / (1024.0 * 1024.0);
        } catch (IOException | RuntimeException e) {
            System.out.println("  cannot read " + metricsUrl + ": " + e);
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private boolean fullGc() {
        Optional<ProcessHandle> jvm = ProcessHandle.of(launcherPid).stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
        if (jvm.isEmpty()) {
            return false;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(jvm.get().pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
