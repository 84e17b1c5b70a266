package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The yardstick of the full sync: the benchmark itself POSTs the same users straight to the target
 * ({@code POST /Users}, RFC 7644 §3.3), {@code threads} requests in flight, in the representation the extension
 * sends (its {@code OutboundMapper}: schemas, externalId, userName, active, name, displayName, one work email).
 * Every answer must be {@code 201}.
 */
final class DirectIngest {

    private final BenchHttp http;
    private final String usersUrl;

    DirectIngest(String targetBaseUrl, String token) {
        this.http = new BenchHttp(() -> token);
        this.usersUrl = targetBaseUrl + "/Users";
    }

    /** POSTs users {@code 0..count-1}; returns the seconds from the first send to the last answer. */
    double run(int count, int threads) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        BenchHttp.Exchange created = http.send("POST", usersUrl, BenchHttp.SCIM_JSON, user(i));
                        // A retried POST whose first attempt was stored answers 409: the user is there
                        if (created.status() != 201 && !(created.retried() && created.status() == 409)) {
                            throw new IllegalStateException("direct POST of user " + i + ": HTTP " + created.status()
                                    + " " + created.abbreviated());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("direct ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** User {@code i} of the loaded realm as the extension maps it (the externalId is a random Keycloak-like id). */
    static ObjectNode user(int i) {
        ObjectNode json = BenchHttp.JSON.createObjectNode();
        json.putArray("schemas").add(Scenarios.USER_SCHEMA);
        json.put("externalId", UUID.randomUUID().toString());
        json.put("userName", DataLoader.username(i));
        json.put("active", true);
        String first = "First" + i;
        String last = "Last" + i;
        json.putObject("name").put("givenName", first).put("familyName", last).put("formatted", first + " " + last);
        json.put("displayName", first + " " + last);
        json.putArray("emails").addObject().put("value", DataLoader.email(i)).put("type", "work").put("primary", true);
        return json;
    }

    static String describe(int threads) {
        return String.format(Locale.ROOT, "%d request%s in flight", threads, threads == 1 ? "" : "s");
    }
}
