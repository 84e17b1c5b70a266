package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A target that accepts connections but never answers in time (requests time out after 3 s) holds at most half of
 * the node's delivery threads: a healthy target of the same realm receives its changes meanwhile, without waiting
 * for a single one of the hanging target's timeouts.
 */
@KeycloakIntegrationTest
class TargetIsolationIT {

    private static final int USERS = 24;

    private static OutboundFixture fx;
    private static MockScimTarget healthy;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-isolation");
        fx.registerTarget("hanging");
        fx.target.setLatencyMillis(20_000);
        healthy = new MockScimTarget(OutboundFixture.TOKEN).start();
        HttpResult created = admin.post(fx.targetsPath(), OutboundFixture.targetJson("healthy", healthy.baseUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @AfterAll
    static void tearDown() {
        if (healthy != null) {
            healthy.close();
        }
        if (fx != null) {
            fx.target.setLatencyMillis(0);
            fx.close();
        }
    }

    @Test
    void hangingTargetDoesNotHoldBackTheOthers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            names.add("iso" + i);
            fx.createUser("iso" + i, "Iso", "Lated" + i, null);
        }
        long created = System.currentTimeMillis();
        // The healthy target never waits for one of the hanging target's 3 s timeouts: with no per-target limit the
        // hanging rows would hold every delivery thread and the healthy rows behind them would wait for a timeout
        await("every user on the healthy target", Duration.ofMillis(2_500),
                () -> names.stream().allMatch(n -> healthy.users().findBy("userName", n) != null));
        long healthyDone = System.currentTimeMillis() - created;
        assertThat(healthy.users().size()).isEqualTo(USERS);
        assertThat(fx.target.users().size()).as("nothing answered by the hanging target yet").isZero();
        // Keycloak itself stays responsive while deliveries hang
        HttpResult read = fx.admin.get("/admin/realms/" + fx.realm + "/users/count");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().trim()).isEqualTo(String.valueOf(USERS));
        System.out.printf("[isolation] healthy target complete %d ms after the last change%n", healthyDone);
    }
}
