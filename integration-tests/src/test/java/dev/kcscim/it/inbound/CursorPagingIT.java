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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cursor paging (RFC 9865): {@code cursor}, {@code nextCursor}, {@code previousCursor}; a keyset, so users
 * created or deleted between pages neither hide nor repeat the users that exist throughout. Each test gets a
 * fresh realm with 25 users {@code pg.00} to {@code pg.24} (title "pager").
 */
@KeycloakIntegrationTest
class CursorPagingIT {

    static KeycloakServer server;
    static AdminClient admin;
    ScimRealm realm;
    ScimTestClient scim;
    /** userName to id of the users created, kept current by the tests. */
    final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void createUsers(KeycloakServer keycloak, AdminClient adminClient) {
        server = keycloak;
        admin = adminClient;
        realm = ScimRealm.create(keycloak, adminClient, "cursor");
        scim = realm.scim();
        for (int i = 0; i < 25; i++) {
            create(String.format("pg.%02d", i));
        }
    }

    @AfterEach
    void deleteRealm() {
        realm.delete();
    }

    void create(String userName) {
        HttpResult created = scim.post("/Users", json("{'userName':'" + userName + "','title':'pager'}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ids.put(userName, created.json().path("id").asText());
    }

    void delete(String userName) {
        assertThat(scim.delete("/Users/" + ids.remove(userName)).status()).isEqualTo(204);
    }

    JsonNode page(String query) {
        HttpResult result = scim.get("/Users?" + query);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().has("startIndex")).isFalse();
        return result.json();
    }

    /** Pages through {@code /Users} with {@code extra} query parameters, running {@code between} after page n. */
    List<String> pageThrough(String extra, IntConsumer between) {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int n = 0;
        while (cursor != null) {
            JsonNode page = page("count=10&cursor=" + TestHttp.encode(cursor) + extra);
            assertThat(page.path("itemsPerPage").asInt()).isEqualTo(page.path("Resources").size());
            page.path("Resources").forEach(r -> seen.add(r.path("userName").asText()));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            between.accept(n++);
            assertThat(n).as("pages").isLessThan(10);
        }
        return seen;
    }

    /** Creates two users (one sorting before everything, one after) and deletes one seen and one unseen user. */
    void churn(int page) {
        if (page < 2) {
            create("pg.0" + page + "a");       // sorts among the users already seen
            create("pg.99." + page);           // sorts after every existing user
            delete(String.format("pg.%02d", page * 10));          // seen on the page just read
            delete(page == 0 ? "pg.15" : "pg.24");               // not yet seen (in ascending order)
        }
    }

    void assertEachSurvivorExactlyOnce(List<String> seen) {
        Set<String> survivors = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            String name = String.format("pg.%02d", i);
            if (ids.containsKey(name)) {
                survivors.add(name);
            }
        }
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(survivors);
        assertThat(survivors).hasSize(21);
    }

    @Test
    void keysetPagesInTheDefaultOrderSeeEverySurvivorOnce() {
        List<String> seen = pageThrough("", this::churn);

        assertEachSurvivorExactlyOnce(seen);
        assertThat(seen).isSorted();
        assertThat(seen).contains("pg.99.0", "pg.99.1");
    }

    @Test
    void keysetPagesWithAPushedDownFilterSeeEverySurvivorOnce() {
        List<String> seen = pageThrough("&filter=" + TestHttp.encode("active eq true"), this::churn);

        assertEachSurvivorExactlyOnce(seen);
        assertThat(seen).isSorted();
    }

    @Test
    void inMemoryPagesWithAFilterAndSortSeeEverySurvivorOnce() {
        List<String> seen = pageThrough("&sortBy=userName&sortOrder=descending&filter=" + TestHttp.encode("title eq \"pager\""),
                this::churn);

        assertEachSurvivorExactlyOnce(seen);
        List<String> reversed = new ArrayList<>(seen);
        java.util.Collections.reverse(reversed);
        assertThat(reversed).isSorted();
    }

    @Test
    void previousCursorReturnsThePreviousPageAndTotalsAreExact() {
        JsonNode first = page("count=10&cursor=");
        JsonNode second = page("count=10&cursor=" + TestHttp.encode(first.path("nextCursor").asText()));
        JsonNode back = page("count=10&cursor=" + TestHttp.encode(second.path("previousCursor").asText()));

        assertThat(first.path("totalResults").asInt()).isEqualTo(25);
        assertThat(first.has("previousCursor")).isFalse();
        assertThat(second.path("Resources").get(0).path("userName").asText()).isEqualTo("pg.10");
        assertThat(back.path("Resources")).isEqualTo(first.path("Resources"));
        JsonNode last = page("count=10&cursor=" + TestHttp.encode(second.path("nextCursor").asText()));
        assertThat(last.path("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(last.has("nextCursor")).isFalse();
        assertThat(page("count=0&cursor=").path("totalResults").asInt()).isEqualTo(25);
    }

    @Test
    void groupsPageByCursorToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(scim.post("/Groups", json("{'displayName':'pgroup-" + i + "'}")).status()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = scim.get("/Groups?count=2&excludedAttributes=members&cursor=" + TestHttp.encode(cursor)).json();
            page.path("Resources").forEach(g -> seen.add(g.path("displayName").asText()));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
        }
        assertThat(seen).containsExactly("pgroup-0", "pgroup-1", "pgroup-2", "pgroup-3", "pgroup-4");
    }

    @Test
    void badCursorsAreRefused() {
        String next = page("count=10&cursor=").path("nextCursor").asText();

        assertError(scim.get("/Users?cursor=garbage"), 400, "invalidCursor");
        assertError(scim.get("/Users?cursor=" + TestHttp.encode(next.substring(0, next.length() - 2))), 400, "invalidCursor");
        assertError(scim.get("/Users?filter=" + TestHttp.encode("active eq true") + "&cursor=" + TestHttp.encode(next)), 400, "invalidCursor");
        assertError(scim.get("/Groups?cursor=" + TestHttp.encode(next)), 400, "invalidCursor");
        assertError(scim.get("/Users?startIndex=1&cursor="), 400, "invalidValue");
    }
}
