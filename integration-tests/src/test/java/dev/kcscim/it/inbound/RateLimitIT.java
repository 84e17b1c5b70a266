package dev.kcscim.it.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the inbound rate limit per provisioning token and per client, on a server allowing 6 requests per
 * minute (a token bucket of 6, refilled one every 10 s): a burst past it is answered 429 with a SCIM error and
 * {@code Retry-After}; after that many seconds the caller gets through again; other callers are unaffected.
 */
@KeycloakIntegrationTest(options = {"--spi-realm-restapi-extension--scim-provisioning--rate-limit-per-minute=6"})
class RateLimitIT {

    static ScimRealm realm;
    static ScimTestClient tokenA;
    static ScimTestClient tokenB;

    @BeforeAll
    static void setUp(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "ratelimit");
        String a = ScimRealm.createToken(admin, realm.name(), "a", "read-write").get("secret").asText();
        String b = ScimRealm.createToken(admin, realm.name(), "b", "read-write").get("secret").asText();
        tokenA = new ScimTestClient(server.scimBaseUrl(realm.name()), () -> a);
        tokenB = new ScimTestClient(server.scimBaseUrl(realm.name()), () -> b);
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    @Test
    void aBurstIs429WithRetryAfterAndRecoversWhileOthersAreUnaffected() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            HttpResult ok = tokenA.get("/Users?count=1");
            assertThat(ok.status()).as("request %d: %s", i + 1, ok).isEqualTo(200);
        }

        HttpResult limited = tokenA.get("/Users?count=1");

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 10L);
        JsonNode error = limited.json();
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo("429");
        assertThat(error.path("detail").asText()).contains("6 SCIM requests per minute").contains("token:");
        assertThat(limited.header("Content-Type")).startsWith("application/scim+json");

        // another token and the realm's OAuth client have their own buckets
        assertThat(tokenB.get("/Users?count=1").status()).isEqualTo(200);
        assertThat(realm.scim().get("/Users?count=1").status()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 300);

        HttpResult again = tokenA.get("/Users?count=1");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }
}
