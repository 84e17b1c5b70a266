package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the inbound meters exist on Keycloak's registry and move. The management {@code /metrics} is scraped
 * before and after a known workload (3 list reads, 1 create, 1 read of a missing user) and the deltas asserted.
 */
@KeycloakIntegrationTest(options = {"--metrics-enabled=true"})
class InboundMetricsIT {

    static KeycloakServer server;
    static ScimRealm realm;

    @BeforeAll
    static void setUp(KeycloakServer s, AdminClient admin) {
        server = s;
        realm = ScimRealm.create(server, admin, "metrics");
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    @Test
    void requestCountersAndTimersMoveByTheWorkload() {
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            assertThat(realm.scim().get("/Users?count=1").status()).isEqualTo(200);
        }
        assertThat(realm.scim().post("/Users", json("{'userName':'metered'}")).status()).isEqualTo(201);
        assertThat(realm.scim().get("/Users/no-such-id").status()).isEqualTo(404);
        String after = scrape();

        List<String> get200 = List.of("method=\"GET\"", "realm=\"" + realm.name() + "\"", "resource_type=\"Users\"", "status=\"200\"");
        assertThat(value(after, "kcscim_inbound_requests_total", get200) - value(before, "kcscim_inbound_requests_total", get200))
                .isEqualTo(3.0);
        List<String> post201 = List.of("method=\"POST\"", "realm=\"" + realm.name() + "\"", "resource_type=\"Users\"", "status=\"201\"");
        assertThat(value(after, "kcscim_inbound_requests_total", post201)).isEqualTo(1.0);
        List<String> get404 = List.of("method=\"GET\"", "realm=\"" + realm.name() + "\"", "status=\"404\"");
        assertThat(value(after, "kcscim_inbound_requests_total", get404)).isEqualTo(1.0);
        assertThat(value(after, "kcscim_inbound_request_duration_seconds_count", get200)
                - value(before, "kcscim_inbound_request_duration_seconds_count", get200)).isEqualTo(3.0);
        assertThat(value(after, "kcscim_inbound_request_duration_seconds_sum", post201)).isGreaterThan(0.0);
    }

    private static String scrape() {
        HttpResult metrics = TestHttp.get(server.managementUrl() + "/metrics", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        return metrics.body();
    }

    /** The sample of {@code name} whose labels contain all of {@code labels}; 0 when there is none yet. */
    private static double value(String exposition, String name, List<String> labels) {
        return exposition.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> labels.stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
