package dev.kcscim.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Readiness and stopping of a {@code kc.sh} child process, shared by the single server and the cluster nodes.
 * kc.sh forwards SIGTERM to the JVM it starts, so a graceful stop signals the wrapper only.
 */
public final class KeycloakProcesses {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP = Duration.ofSeconds(20);

    private KeycloakProcesses() {
    }

    /**
     * Polls {@code managementUrl/health/ready} until it answers 200. Fails, naming {@code name} and adding
     * {@code diagnostics}, when the process exits first or the timeout passes.
     */
    public static void awaitReady(Process process, String managementUrl, Duration timeout, String name,
            Supplier<String> diagnostics) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready" + diagnostics.get());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(POLL);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s" + diagnostics.get());
    }

    /** SIGTERM, then {@code kill -9} of the wrapper and the JVM when they have not ended within 30 s. */
    public static void stopGracefully(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                kill(process, descendants);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code kill -9} of the wrapper and the JVM: no shutdown hook runs. Waits up to 20 s for both to end. */
    public static void kill(Process process) {
        kill(process, process.descendants().toList());
    }

    private static void kill(Process process, List<ProcessHandle> descendants) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + FORCED_STOP.toNanos();
        while (System.nanoTime() < deadline && (process.isAlive() || descendants.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(Duration.ofMillis(100));
        }
    }

    /** Sleeps; an interrupt becomes an {@link IllegalStateException} with the interrupt flag kept. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
