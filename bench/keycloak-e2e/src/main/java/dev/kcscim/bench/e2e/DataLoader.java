package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grows the bench realm to a target number of users through the Admin REST {@code partialImport}
 * ({@code POST /admin/realms/{realm}/partialImport}, {@code ifResourceExists=SKIP}) in batches, which is orders of
 * magnitude faster than one {@code POST /users} per user. User {@code i} is {@code user000i} with a work email,
 * first and last name; every even-numbered user is a member of the group {@link BenchRealm#GROUP} (its
 * {@code groups} field), so the group holds half the realm: 50,000 members at 100,000 users.
 *
 * <p>Users are stored as our SCIM writes a user created with one primary work email: no attribute of ours (that
 * list reads back from Keycloak's email alone, see the server's {@code UserEmails}).
 */
final class DataLoader {

    private final BenchHttp adminHttp;
    private final BenchRealm realm;
    private final int batchSize;
    private final int parallel;
    private final boolean withGroup;
    private int loaded;

    /**
     * @param batchSize users per partialImport request
     * @param parallel  partialImport requests in flight at once (disjoint user ranges)
     * @param withGroup whether even-numbered users join {@link BenchRealm#GROUP} (the outbound realm has no members)
     */
    DataLoader(BenchHttp adminHttp, BenchRealm realm, int batchSize, int parallel, boolean withGroup) {
        this.adminHttp = adminHttp;
        this.realm = realm;
        this.batchSize = batchSize;
        this.parallel = parallel;
        this.withGroup = withGroup;
    }

    static String username(int i) {
        return String.format(Locale.ROOT, "user%06d", i);
    }

    static String email(int i) {
        return username(i) + "@example.com";
    }

    static boolean isMember(int i) {
        return i % 2 == 0;
    }

    int loaded() {
        return loaded;
    }

    /** Imports users {@code loaded .. size-1}; returns the seconds it took. */
    double growTo(int size) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            int from = loaded;
            while (from < size) {
                List<Future<?>> inFlight = new ArrayList<>();
                for (int t = 0; t < parallel && from < size; t++) {
                    int first = from;
                    int end = Math.min(size, first + batchSize);
                    inFlight.add(pool.submit(() -> importBatch(first, end)));
                    from = end;
                }
                for (Future<?> batch : inFlight) {
                    batch.get();
                }
                loaded = from;
                if (loaded % 10_000 == 0 || loaded == size) {
                    System.out.printf(Locale.ROOT, "  loaded %,d users (%.0f s)%n", loaded, (System.nanoTime() - start) / 1e9);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void importBatch(int first, int end) {
        ObjectNode body = BenchHttp.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ArrayNode users = body.putArray("users");
        for (int i = first; i < end; i++) {
            users.add(user(i, withGroup));
        }
        BenchHttp.Exchange result = adminHttp.send("POST", realm.adminBase() + "/partialImport", BenchHttp.APP_JSON, body);
        if (!result.ok()) {
            throw new IllegalStateException("partialImport of users " + first + ".." + (end - 1) + " failed: HTTP "
                    + result.status() + " " + result.abbreviated());
        }
        int added = result.json().path("added").asInt(-1);
        if (added != end - first) {
            throw new IllegalStateException("partialImport added " + added + " of " + (end - first) + " users: "
                    + result.abbreviated());
        }
    }

    private static ObjectNode user(int i, boolean withGroup) {
        ObjectNode user = BenchHttp.JSON.createObjectNode()
                .put("username", username(i))
                .put("email", email(i))
                .put("emailVerified", true)
                .put("firstName", "First" + i)
                .put("lastName", "Last" + i)
                .put("enabled", true);
        if (withGroup && isMember(i)) {
            user.putArray("groups").add("/" + BenchRealm.GROUP);
        }
        return user;
    }
}
