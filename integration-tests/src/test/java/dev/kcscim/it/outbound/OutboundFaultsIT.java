package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.mocktarget.Fault;
import dev.kcscim.testsupport.mocktarget.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery survives a misbehaving target: 5xx and 429 are retried with back-off (honouring Retry-After), a
 * refused connection is retried until the target is back, and a 400 goes to the dead letters, from where the
 * admin API retries it.
 */
@KeycloakIntegrationTest
class OutboundFaultsIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-faults");
        fx.registerTarget("flaky");
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @BeforeEach
    void quiet() {
        fx.awaitIdle();
    }

    @Test
    void threeServiceUnavailableThenRecovery() {
        fx.target.inject(Fault.status(503), 3);
        fx.createUser("retry503", null, null, null);
        await("retry503 delivered", Duration.ofSeconds(40), () -> fx.target.users().findBy("userName", "retry503") != null);
        List<RecordedRequest> failed = fx.target.requests(r -> r.status() == 503);
        assertThat(failed).hasSize(3);
        // Back-off between the attempts: at least 0.5 s, then 1 s, then 2 s (with jitter on top)
        long spread = failed.get(2).atMillis() - failed.get(0).atMillis();
        assertThat(spread).isGreaterThanOrEqualTo(1_500);
        assertThat(fx.target.users().all().stream().filter(u -> u.path("userName").asText().equals("retry503")))
                .hasSize(1);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        int before = fx.target.requests().size();
        fx.target.inject(Fault.retryAfter(429, 2), 1);
        fx.createUser("retry429", null, null, null);
        await("retry429 delivered", () -> fx.target.users().findBy("userName", "retry429") != null);
        List<RecordedRequest> after = fx.target.requests().subList(before, fx.target.requests().size());
        RecordedRequest throttled = after.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        RecordedRequest next = after.stream().filter(r -> r.atMillis() > throttled.atMillis()
                && r.method().equals(throttled.method()) && r.path().equals(throttled.path())).findFirst().orElseThrow();
        assertThat(next.atMillis() - throttled.atMillis()).isGreaterThanOrEqualTo(2_000);
    }

    /** The target is down (connections refused) for 60 s; the change is delivered once it is back. */
    @Test
    void refusedConnectionsAreRetriedUntilTheTargetIsBack() throws Exception {
        fx.target.stop();
        fx.createUser("whiledown", null, null, null);
        Thread.sleep(60_000);
        JsonNode status = fx.status();
        assertThat(status.path("queueDepth").asLong()).isEqualTo(1);
        assertThat(status.path("retrying").asLong()).isEqualTo(1);
        assertThat(status.path("lastError").path("message").asText()).contains("failed");
        assertThat(status.path("oldestPendingAgeMs").asLong()).isGreaterThanOrEqualTo(60_000);
        fx.target.start();
        // The back-off has grown to 32-64 s by now
        await("whiledown delivered", Duration.ofSeconds(90), () -> fx.target.users().findBy("userName", "whiledown") != null);
    }

    /** The target holds the request past our 3 s request timeout: a timeout is retried like a 5xx. */
    @Test
    void hangingTargetTimesOutAndIsRetried() {
        int before = fx.target.requests().size();
        fx.target.inject(Fault.hang(5_000), 1);
        long started = System.currentTimeMillis();
        fx.createUser("slowpoke", null, null, null);
        await("slowpoke delivered", () -> fx.target.users().findBy("userName", "slowpoke") != null);
        assertThat(System.currentTimeMillis() - started).as("delivered only after the 3 s timeout")
                .isGreaterThanOrEqualTo(3_000);
        assertThat(fx.target.users().all().stream().filter(u -> u.path("userName").asText().equals("slowpoke")))
                .hasSize(1);
        // The hung request is answered (late, to nobody) and recorded 5 s after it arrived
        await("the hung request recorded", () -> fx.target.requests().size() - before >= 3);
    }

    @Test
    void badRequestIsDeadLetteredThenRetriedFromTheAdminApi() {
        fx.target.inject(Fault.scimError("POST", 400, "invalidValue", "department is required"), 1);
        String id = fx.createUser("deadletter", null, null, null);
        await("one dead letter", () -> fx.status().path("deadLetters").asLong() == 1);
        HttpResult letters = fx.admin.get(fx.targetPath() + "/dead-letters");
        assertThat(letters.status()).isEqualTo(200);
        JsonNode letter = letters.json().get(0);
        assertThat(letter.path("resourceType").asText()).isEqualTo("user");
        assertThat(letter.path("resourceId").asText()).isEqualTo(id);
        assertThat(letter.path("operation").asText()).isEqualTo("sync");
        assertThat(letter.path("status").asInt()).isEqualTo(400);
        assertThat(letter.path("error").asText()).contains("invalidValue").contains("department is required");
        assertThat(fx.target.users().findBy("userName", "deadletter")).isNull();

        HttpResult retried = fx.admin.post(fx.targetPath() + "/dead-letters/" + letter.path("id").asText() + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("retried").asInt()).isEqualTo(1);
        await("deadletter delivered", () -> fx.target.users().findBy("userName", "deadletter") != null);
        assertThat(fx.status().path("deadLetters").asLong()).isZero();
    }

    @Test
    void discardRemovesDeadLetters() {
        fx.target.inject(Fault.scimError("POST", 400, "invalidValue", "nope"), 1);
        fx.createUser("discarded", null, null, null);
        await("one dead letter", () -> fx.status().path("deadLetters").asLong() == 1);
        HttpResult discarded = fx.admin.delete(fx.targetPath() + "/dead-letters");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().path("discarded").asInt()).isEqualTo(1);
        assertThat(fx.status().path("deadLetters").asLong()).isZero();
        assertThat(fx.admin.post(fx.targetPath() + "/dead-letters/999999/retry", "").status()).isEqualTo(404);
    }

    @Test
    void statusReportsDeliveries() {
        fx.createUser("counted", null, null, null);
        await("counted delivered", () -> fx.target.users().findBy("userName", "counted") != null);
        fx.awaitIdle();
        JsonNode status = fx.status();
        assertThat(status.path("name").asText()).isEqualTo("flaky");
        assertThat(status.path("queueDepth").asLong()).isZero();
        assertThat(status.path("oldestPendingAgeMs").isNull()).isTrue();
        assertThat(status.path("delivered").path("last24h").asLong()).isPositive();
        assertThat(status.path("delivered").path("lastSuccessAt").asLong()).isPositive();
        assertThat(status.path("latencyMs").path("average").asLong()).isNotNegative();
        assertThat(status.path("links").path("user").asLong()).isPositive();
    }
}
