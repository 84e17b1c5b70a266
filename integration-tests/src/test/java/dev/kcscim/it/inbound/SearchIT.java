package dev.kcscim.it.inbound;

import static dev.kcscim.it.inbound.UsersIT.assertError;
import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /.search} at the root and per resource type (RFC 7644 §3.4.3) over 4 users and 3 groups whose
 * names share the prefix {@code srch}: the root lists the Users result, then the Groups result.
 */
@KeycloakIntegrationTest
class SearchIT {

    static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    static ScimRealm realm;
    static ScimTestClient scim;

    @BeforeAll
    static void createResources(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "search");
        scim = realm.scim();
        for (String name : List.of("srch.d", "srch.b", "srch.a", "srch.c")) {
            assertThat(scim.post("/Users", json("{'userName':'" + name + "','displayName':'srch " + name + "'}")).status()).isEqualTo(201);
        }
        for (String name : List.of("srch-g2", "srch-g1", "srch-g3")) {
            assertThat(scim.post("/Groups", json("{'displayName':'" + name + "'}")).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(r -> names.add(r.has("userName") ? r.path("userName").asText() : r.path("displayName").asText()));
        return names;
    }

    static JsonNode search(String path, String body) {
        HttpResult result = scim.post(path, json(body));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        return result.json();
    }

    @Test
    void rootSearchListsUsersThenGroupsWithExactTotals() {
        JsonNode all = search("/.search", "{'schemas':['" + SEARCH + "'],'filter':'displayName sw \\\"srch\\\"'}");

        assertThat(names(all)).containsExactly("srch.a", "srch.b", "srch.c", "srch.d", "srch-g1", "srch-g2", "srch-g3");
        assertThat(all.path("totalResults").asInt()).isEqualTo(7);
        assertThat(all.path("startIndex").asInt()).isEqualTo(1);
        assertThat(all.path("itemsPerPage").asInt()).isEqualTo(7);
    }

    @Test
    void rootSearchPagesAcrossTheTwoTypes() {
        JsonNode page = search("/.search", "{'schemas':['" + SEARCH + "'],'filter':'displayName sw \\\"srch\\\"','startIndex':3,'count':3,"
                + "'attributes':['displayName']}");

        assertThat(page.path("totalResults").asInt()).isEqualTo(7);
        assertThat(page.path("startIndex").asInt()).isEqualTo(3);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(3);
        List<String> shown = new ArrayList<>();
        page.path("Resources").forEach(r -> shown.add(r.path("displayName").asText()));
        assertThat(shown).containsExactly("srch srch.c", "srch srch.d", "srch-g1");
        assertThat(page.path("Resources").get(0).has("userName")).isFalse();
    }

    @Test
    void rootSearchFilterOnAUserOnlyAttributeFindsNoGroups() {
        JsonNode users = search("/.search", "{'schemas':['" + SEARCH + "'],'filter':'userName sw \\\"srch.\\\"','sortBy':'userName',"
                + "'sortOrder':'descending'}");

        assertThat(names(users)).containsExactly("srch.d", "srch.c", "srch.b", "srch.a");
        assertThat(users.path("totalResults").asInt()).isEqualTo(4);
    }

    @Test
    void rootSearchPagesByCursorThroughBothTypes() {
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            JsonNode page = search("/.search", "{'schemas':['" + SEARCH + "'],'filter':'displayName sw \\\"srch\\\"','count':3,'cursor':'" + cursor + "'}");
            assertThat(page.path("totalResults").asInt()).isEqualTo(7);
            assertThat(page.has("startIndex")).isFalse();
            seen.addAll(names(page));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            assertThat(++pages).isLessThan(5);
        }
        assertThat(seen).containsExactly("srch.a", "srch.b", "srch.c", "srch.d", "srch-g1", "srch-g2", "srch-g3");
    }

    @Test
    void searchRequestsMustNameTheSearchRequestSchema() {
        assertError(scim.post("/.search", json("{'filter':'userName eq \\\"srch.a\\\"'}")), 400, "invalidSyntax");
        assertError(scim.post("/Users/.search", json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}")), 400, "invalidSyntax");
        assertError(scim.post("/.search", json("{'schemas':['" + SEARCH + "'],'filter':'nope eq'}")), 400, "invalidFilter");
    }

    @Test
    void perTypeSearchesAreNotShadowedByCreate() {
        JsonNode users = search("/Users/.search", "{'schemas':['" + SEARCH + "'],'filter':'userName sw \\\"srch.\\\"','sortBy':'userName',"
                + "'startIndex':2,'count':2,'excludedAttributes':['groups']}");
        JsonNode groups = search("/Groups/.search", "{'schemas':['" + SEARCH + "'],'filter':'displayName sw \\\"srch-\\\"',"
                + "'sortBy':'displayName','sortOrder':'descending','attributes':['displayName']}");

        assertThat(names(users)).containsExactly("srch.b", "srch.c");
        assertThat(users.path("totalResults").asInt()).isEqualTo(4);
        assertThat(users.path("Resources").get(0).has("groups")).isFalse();
        assertThat(names(groups)).containsExactly("srch-g3", "srch-g2", "srch-g1");
        assertThat(scim.get("/Users?count=0&filter=" + dev.kcscim.testsupport.TestHttp.encode("userName eq \".search\""))
                .json().path("totalResults").asInt()).isZero();
    }

    @Test
    void needsAToken() {
        HttpResult result = scim.raw("POST", "/.search", null, ScimTestClient.SCIM_JSON, "{\"schemas\":[\"" + SEARCH + "\"]}");

        assertError(result, 401, null);
    }
}
