package dev.kcscim.bench.e2e;

import java.time.Duration;

/**
 * The CPU time a server process has used so far (all threads: request handling, garbage collection and the
 * in-memory database), read from the operating system ({@link ProcessHandle.Info#totalCpuDuration()}). The
 * difference over a rate round divided by its calls is the CPU one call cost the server, a figure that does not
 * depend on how busy the rest of the machine was.
 */
interface ServerCpu {

    /** No reading available. */
    ServerCpu NONE = () -> -1;

    /** CPU time used so far in nanoseconds, or -1 when the operating system does not tell. */
    long nanos();

    static ServerCpu of(long pid) {
        return () -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(-1L);
    }
}
