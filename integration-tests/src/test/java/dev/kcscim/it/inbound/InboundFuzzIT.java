package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.it.inbound.HostileRequests.Hostile;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 malformed or hostile requests against the inbound API (issue 9): none is answered with a 5xx, every
 * refusal is a SCIM error, none hangs, the server stays alive and the resources they aimed at are unchanged; the
 * only writes accepted are creates the server tolerates (a number for a string), each counted.
 */
@KeycloakIntegrationTest
class InboundFuzzIT {

    private static final int REQUESTS = 10_000;
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    static ScimRealm realm;
    static ScimTestClient scim;
    /** A second caller for the checks: its own rate-limit bucket, untouched by the fuzzing caller's burst. */
    static ScimTestClient verifier;
    static final List<String> users = new ArrayList<>();
    static final List<String> groups = new ArrayList<>();

    @BeforeAll
    static void seed(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "fuzz");
        scim = realm.scim();
        dev.kcscim.testsupport.ClientCredentials checker = admin.createServiceAccountClient(realm.name(), "fuzz-verifier",
                "view-users");
        verifier = new ScimTestClient(server.scimBaseUrl(realm.name()), () -> admin.clientCredentialsToken(checker));
        for (int i = 0; i < 5; i++) {
            HttpResult user = scim.post("/Users", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
                    + "'userName':'seed" + i + "','name':{'givenName':'Seed','familyName':'No" + i + "'},"
                    + "'emails':[{'value':'seed" + i + "@example.com','type':'work','primary':true}]}"));
            assertThat(user.status()).as(user.toString()).isEqualTo(201);
            users.add(user.json().get("id").asText());
        }
        for (int i = 0; i < 2; i++) {
            HttpResult group = scim.post("/Groups", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                    + "'displayName':'seed-group" + i + "','members':[{'value':'" + users.get(i) + "'},{'value':'"
                    + users.get(i + 2) + "'}]}"));
            assertThat(group.status()).as(group.toString()).isEqualTo(201);
            groups.add(group.json().get("id").asText());
        }
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
        Map<String, JsonNode> before = snapshot();
        // Users 0-2 and group 0 take every category but the PATCH ones; users 3-4 and group 1 take the PATCH ones
        List<Hostile> requests = new HostileRequests(20261129L, users.subList(0, 3), groups.subList(0, 1),
                users.subList(3, 5), groups.subList(1, 2)).generate(REQUESTS);
        String token = scim.token();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> notScimErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> acceptedWrites = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        long started = System.currentTimeMillis();
        for (Hostile request : requests) {
            futures.add(pool.submit(() -> {
                HttpResult result = scim.raw(request.method(), request.path(), token, request.contentType(), request.body());
                statuses.merge(result.status(), 1, Integer::sum);
                if (result.status() == 429) {
                    // The caller's rate limit (a SCIM error with Retry-After): refused, not processed
                    if (!isScimError(result) || result.header("Retry-After") == null) {
                        notScimErrors.add("429 without SCIM body or Retry-After " + request);
                    }
                } else if (result.status() >= 500) {
                    serverErrors.add(result.status() + " " + request);
                } else if (result.status() >= 400 && !isScimError(result)) {
                    notScimErrors.add(result.status() + " " + result.mediaType() + " " + request);
                } else if (result.status() < 300 && request.isWrite()) {
                    acceptedWrites.add(result.status() + " " + request);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("[fuzz] %d requests in %d ms, statuses %s%n", REQUESTS, System.currentTimeMillis() - started,
                statuses);

        assertThat(serverErrors).as("responses >= 500").isEmpty();
        assertThat(notScimErrors).as("refusals without a SCIM error body").isEmpty();
        // Tolerated slips (a number for a string, removing a read-only path) are answered 2xx and may write; the
        // resources they touched are left out of the "unchanged" check, every other seed must be exactly as before
        System.out.printf("[fuzz] %d tolerated writes: %s%n", acceptedWrites.size(), acceptedWrites.stream()
                .map(w -> w.substring(0, Math.min(w.length(), 120))).toList());
        assertThat(acceptedWrites).as("malformed JSON, wrong content types and unknown ids are never accepted")
                .noneMatch(w -> w.contains(" broken-json: ") || w.contains(" content-type: ") || w.contains(" bad-id: "));
        assertThat(verifier.get("/ServiceProviderConfig").status()).as("server alive").isEqualTo(200);
        Map<String, JsonNode> after = snapshot();
        List<String> untouched = new ArrayList<>();
        before.keySet().forEach(key -> {
            String id = key.substring(key.indexOf(' ') + 1);
            if (acceptedWrites.stream().noneMatch(w -> w.contains(id))) {
                untouched.add(key);
            }
        });
        untouched.forEach(key -> assertThat(after.get(key)).as(key + " (only rejected requests aimed at it)")
                .isEqualTo(before.get(key)));
        System.out.printf("[fuzz] %d of %d seeds received only rejected writes and are unchanged%n", untouched.size(),
                before.size());
        assertThat(untouched).as("the seeds aimed at by the strict categories only received rejected writes")
                .hasSizeGreaterThanOrEqualTo(4);
        long usersCreated = acceptedWrites.stream().filter(w -> w.startsWith("201 ") && w.contains(": POST /Users")).count();
        long groupsCreated = acceptedWrites.stream().filter(w -> w.startsWith("201 ") && w.contains(": POST /Groups")).count();
        assertThat(verifier.get("/Users?count=0").json().path("totalResults").asLong()).as("users: seeds + accepted creates")
                .isEqualTo(users.size() + usersCreated);
        assertThat(verifier.get("/Groups?count=0").json().path("totalResults").asLong()).as("groups: seeds + accepted creates")
                .isEqualTo(groups.size() + groupsCreated);
    }

    private static boolean isScimError(HttpResult result) {
        if (!"application/scim+json".equals(result.mediaType())) {
            return false;
        }
        JsonNode body = result.json();
        return body.path("schemas").path(0).asText().equals(ERROR)
                && body.path("status").asText().equals(Integer.toString(result.status()));
    }

    private static Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> state = new TreeMap<>();
        for (String id : users) {
            state.put("user " + id, verifier.get("/Users/" + id).json());
        }
        for (String id : groups) {
            state.put("group " + id, verifier.get("/Groups/" + id).json());
        }
        return state;
    }
}
