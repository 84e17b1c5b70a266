package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page-size cap, the in-memory scan bound, the bulk limits and the cursor timeout are server options,
 * advertised as configured by {@code /ServiceProviderConfig}; past the scan bound a query is refused with
 * {@code 400 tooMany} instead of being truncated (RFC 7644 §3.4.2.4). Runs on its own server with tiny limits.
 */
@KeycloakIntegrationTest(options = {
        "--spi-realm-restapi-extension--scim-provisioning--max-page-size=3",
        "--spi-realm-restapi-extension--scim-provisioning--max-scan=5",
        "--spi-realm-restapi-extension--scim-provisioning--bulk-max-operations=2",
        "--spi-realm-restapi-extension--scim-provisioning--bulk-max-payload-size=2000",
        "--spi-realm-restapi-extension--scim-provisioning--cursor-timeout=1"})
class QueryLimitsIT {

    static ScimRealm realm;
    static ScimTestClient scim;

    @BeforeAll
    static void createUsers(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "limits");
        scim = realm.scim();
        for (int i = 0; i < 6; i++) {
            HttpResult created = scim.post("/Users", json("{'userName':'limit." + i + "','nickName':'n" + i + "'}"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    @Test
    void pagesAreCappedAtTheConfiguredSize() {
        JsonNode list = scim.get("/Users?count=100").json();

        assertThat(list.path("totalResults").asInt()).isEqualTo(6);
        assertThat(list.path("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(scim.get("/Users").json().path("itemsPerPage").asInt()).isEqualTo(3);
    }

    @Test
    void pushedDownQueriesAreNotBounded() {
        JsonNode list = scim.get("/Users?filter=" + TestHttp.encode("userName eq \"LIMIT.4\"")).json();

        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void inMemoryQueriesOverTheBoundAre400TooMany() {
        assertError(scim.get("/Users?filter=" + TestHttp.encode("nickName eq \"n1\"")), 400, "tooMany");
        assertError(scim.get("/Users?sortBy=nickName"), 400, "tooMany");
    }

    @Test
    void narrowedInMemoryQueriesStayWithinTheBound() {
        JsonNode list = scim.get("/Users?filter=" + TestHttp.encode("userName eq \"limit.1\" and nickName eq \"n1\"")).json();

        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void theServiceProviderConfigAdvertisesTheConfiguredLimits() {
        JsonNode config = scim.get("/ServiceProviderConfig").json();

        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(3);
        assertThat(config.path("pagination").path("maxPageSize").asInt()).isEqualTo(3);
        assertThat(config.path("pagination").path("defaultPageSize").asInt()).isEqualTo(3);
        assertThat(config.path("pagination").path("cursorTimeout").asInt()).isEqualTo(1);
        assertThat(config.path("bulk").path("maxOperations").asInt()).isEqualTo(2);
        assertThat(config.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(2000);
    }

    @Test
    void bulkRequestsOverTheConfiguredLimitsAre413() {
        String op = "{'method':'DELETE','path':'/Users/nobody'}";
        String ops = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[" + op + "," + op + "," + op + "]}";
        String big = "{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'method':'POST','path':'/Users',"
                + "'bulkId':'b','data':{'userName':'big','title':'" + "x".repeat(2000) + "'}}]}";

        assertError(scim.post("/Bulk", json(ops)), 413, null);
        assertError(scim.post("/Bulk", json(big)), 413, null);
        HttpResult two = scim.post("/Bulk", json(ops.replace("," + op + "]", "]")));
        assertThat(two.status()).as(two.toString()).isEqualTo(200);
        assertThat(two.json().path("Operations").get(1).path("status").asText()).isEqualTo("404");
    }

    @Test
    void cursorsExpireAfterTheConfiguredTimeout() throws InterruptedException {
        String next = scim.get("/Users?cursor=&count=2").json().path("nextCursor").asText();
        assertThat(next).isNotBlank();

        Thread.sleep(2500);

        assertError(scim.get("/Users?count=2&cursor=" + TestHttp.encode(next)), 400, "expiredCursor");
    }
}
