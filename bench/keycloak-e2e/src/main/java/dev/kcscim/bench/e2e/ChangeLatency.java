package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Change-to-target latency: updates of existing users through the Admin REST API ({@code PUT
 * /admin/realms/{realm}/users/{id}}, the full representation with a new {@code firstName}) at a steady rate, each
 * carrying a unique marker ({@code bchg0000042}) in the first name; the latency of a change is the time from the
 * Admin REST response to the arrival at the target of the PUT or PATCH that carries its marker (both clocks are
 * this JVM's {@link System#nanoTime()}: the target runs in it). Changes go to distinct users, one each, so no two
 * are coalesced; changes whose marker never arrives are counted as lost.
 */
final class ChangeLatency {

    /** What one run measured. */
    record Result(int sent, int failed, int arrived, double seconds, List<Double> latenciesMs, String firstProblem,
            String timeline) {

        double rate() {
            return sent / seconds;
        }

        double percentile(double p) {
            return Measurement.percentile(latenciesMs, p);
        }
    }

    /**
     * Markers are unique over the whole run: a user changed at an earlier size keeps its marker as first name, and
     * the same marker written again would be no change at all (nothing sent).
     */
    private static final AtomicInteger NEXT_MARKER = new AtomicInteger();

    private final BenchHttp http;
    private final String usersUrl;
    private final BenchTarget target;

    ChangeLatency(BenchHttp adminHttp, String realmAdminBase, BenchTarget target) {
        this.http = adminHttp;
        this.usersUrl = realmAdminBase + "/users";
        this.target = target;
    }

    /** The users to change: the first {@code count} of the realm (id and representation). */
    List<ObjectNode> users(int count) {
        List<ObjectNode> users = new ArrayList<>();
        for (int first = 0; users.size() < count; first += 500) {
            BenchHttp.Exchange page = http.get(usersUrl + "?briefRepresentation=false&first=" + first + "&max=500");
            JsonNode found = page.json();
            if (!page.ok() || found.isEmpty()) {
                break;
            }
            found.forEach(u -> {
                if (users.size() < count) {
                    users.add((ObjectNode) u);
                }
            });
        }
        return users;
    }

    /** Sends {@code perSecond} changes a second for {@code seconds}, then waits up to {@code drainSeconds}. */
    Result run(List<ObjectNode> users, int perSecond, int seconds, int drainSeconds) {
        int total = perSecond * seconds;
        Map<Integer, Long> answered = new ConcurrentHashMap<>();
        Map<Integer, Long> arrived = new ConcurrentHashMap<>();
        target.onMarker((marker, nanos) -> arrived.putIfAbsent(marker, nanos));
        AtomicInteger failed = new AtomicInteger();
        String[] firstProblem = {null};
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                OutboundTargets.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int marker = NEXT_MARKER.getAndIncrement();
            ObjectNode user = users.get(i % users.size()).deepCopy();
            senders.execute(() -> {
                user.put("firstName", String.format(Locale.ROOT, "bchg%07d", marker));
                BenchHttp.Exchange result = http.send("PUT", usersUrl + "/" + user.path("id").asText(), BenchHttp.APP_JSON,
                        strip(user));
                if (result.status() == 204) {
                    answered.put(marker, System.nanoTime());
                } else {
                    failed.incrementAndGet();
                    synchronized (firstProblem) {
                        if (firstProblem[0] == null) {
                            firstProblem[0] = "HTTP " + result.status() + " " + result.abbreviated();
                        }
                    }
                }
            });
        }
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (System.nanoTime() < drainUntil && !arrived.keySet().containsAll(answered.keySet())) {
            OutboundTargets.sleep(100);
        }
        target.onMarker((marker, nanos) -> { });
        List<Double> latencies = new ArrayList<>();
        answered.forEach((marker, at) -> {
            Long came = arrived.get(marker);
            if (came != null) {
                latencies.add(Math.max(0, came - at) / 1e6);
            }
        });
        return new Result(total, failed.get(), latencies.size(), sendSeconds, latencies, firstProblem[0],
                timeline(start, answered, arrived));
    }

    /** Per 5 s since the first send: changes answered by Admin REST / arrived at the target, and their p50 latency. */
    private static String timeline(long start, Map<Integer, Long> answered, Map<Integer, Long> arrived) {
        StringBuilder line = new StringBuilder();
        long bucket = 5_000_000_000L;
        long last = arrived.values().stream().mapToLong(Long::longValue).max().orElse(start);
        for (long from = start; from <= Math.max(last, start); from += bucket) {
            long lo = from;
            long hi = from + bucket;
            long sentIn = answered.values().stream().filter(t -> t >= lo && t < hi).count();
            long cameIn = arrived.values().stream().filter(t -> t >= lo && t < hi).count();
            List<Double> latencies = new ArrayList<>();
            answered.forEach((marker, at) -> {
                Long came = arrived.get(marker);
                if (at >= lo && at < hi && came != null) {
                    latencies.add(Math.max(0, came - at) / 1e6);
                }
            });
            line.append(String.format(Locale.ROOT, "%s%ds: %d/%d p50 %.0f ms", line.length() == 0 ? "" : "; ",
                    (from - start) / 1_000_000_000L, sentIn, cameIn, Measurement.percentile(latencies, 50)));
        }
        return line.toString();
    }

    /** The representation minus what PUT must not carry back (read-only members of the brief/full GET). */
    private static ObjectNode strip(ObjectNode user) {
        ObjectNode body = BenchHttp.JSON.createObjectNode();
        for (String field : List.of("username", "email", "firstName", "lastName", "enabled", "emailVerified")) {
            if (user.has(field)) {
                body.set(field, user.get(field));
            }
        }
        if (user.has("attributes")) {
            body.set("attributes", user.get("attributes"));
        }
        return body;
    }
}
