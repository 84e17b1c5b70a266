package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users created by a partial realm import emit no user events, so no outbox row is written for them; a target
 * with {@code syncIntervalSeconds} still receives them through its scheduled full sync, which reports them as
 * missing.
 */
@KeycloakIntegrationTest
class ScheduledSyncIT {

    private static OutboundFixture fx;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-scheduled");
        fx.targetId = fx.registerTarget(OutboundFixture.targetJson("scheduled", fx.target.baseUrl())
                .put("syncIntervalSeconds", 5));
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void importedUsersReachTheTargetThroughTheScheduledSync() {
        assertThat(fx.admin.get(fx.targetPath()).json().path("syncIntervalSeconds").asInt()).isEqualTo(5);
        ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "FAIL");
        partial.putArray("users").addObject().put("username", "imported-1").put("enabled", true)
                .put("firstName", "Ira").put("lastName", "Import").put("email", "ira@example.com");
        HttpResult imported = fx.admin.post("/admin/realms/" + fx.realm + "/partialImport", partial);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("added").asInt()).isEqualTo(1);
        String userId = imported.json().path("results").get(0).path("id").asText();

        await("imported-1 on the target", Duration.ofSeconds(90),
                () -> fx.target.users().findBy("userName", "imported-1") != null);
        JsonNode account = fx.target.users().findBy("userName", "imported-1");
        assertThat(account.path("externalId").asText()).isEqualTo(userId);
        assertThat(account.path("name").path("givenName").asText()).isEqualTo("Ira");

        JsonNode[] creator = {null};
        await("the scheduled run that created it is reported", Duration.ofSeconds(30), () -> {
            for (JsonNode run : fx.admin.get(fx.targetPath() + "/sync").json()) {
                for (JsonNode sample : run.path("drift").path("missing").path("samples")) {
                    if (sample.path("userId").asText().equals(userId)) {
                        creator[0] = run;
                        return "done".equals(run.path("status").asText());
                    }
                }
            }
            return false;
        });
        assertThat(creator[0].path("trigger").asText()).isEqualTo("scheduled");
        assertThat(creator[0].path("drift").path("missing").path("count").asInt()).isEqualTo(1);
        // No outbox row carried it: every delivery of this target came from the sync, none from the queue
        assertThat(fx.status().path("delivered").path("last24h").asLong()).isZero();
    }
}
