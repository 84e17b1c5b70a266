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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /Users} and {@code POST /Users/.search} (RFC 7644 §3.4.2, §3.4.3) over a fixed set of users:
 * the filters are answered exactly, whether pushed down to the database or evaluated in memory.
 */
@KeycloakIntegrationTest
class UserQueryIT {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static ScimRealm realm;
    static ScimTestClient scim;
    static final List<String> ids = new ArrayList<>();
    static String groupId;
    static String createdBetween;

    @BeforeAll
    static void createUsers(KeycloakServer server, AdminClient admin) throws InterruptedException {
        realm = ScimRealm.create(server, admin, "query");
        scim = realm.scim();
        // user i: userName "Person.<i>", familyName "Family<i % 3>", active unless i == 4, externalId "Ext-<i>"
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                Thread.sleep(20);
                createdBetween = java.time.Instant.now().toString();
                Thread.sleep(20);
            }
            String body = "{'schemas':['" + USER + "','" + ENTERPRISE + "'],'userName':'Person." + i + "',"
                    + "'externalId':'Ext-" + i + "','active':" + (i != 4) + ","
                    + "'name':{'givenName':'Given" + i + "','familyName':'Family" + (i % 3) + "'},"
                    + "'emails':[{'value':'person" + i + "@work.example','type':'work','primary':true},"
                    + "{'value':'person" + i + "@home.example','type':'home'}],"
                    + "'" + ENTERPRISE + "':{'department':'Dept" + (i % 2) + "'}}";
            HttpResult created = scim.post("/Users", json(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().path("id").asText());
        }
        HttpResult group = scim.post("/Groups", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + "'displayName':'Queried','members':[{'value':'" + ids.get(1) + "'},{'value':'" + ids.get(7) + "'}]}"));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        groupId = group.json().path("id").asText();
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static JsonNode query(String filter) {
        HttpResult result = scim.get("/Users?filter=" + TestHttp.encode(filter));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    static List<String> userNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("Resources").forEach(user -> names.add(user.path("userName").asText()));
        return names;
    }

    @Nested
    class PushedDown {

        @Test
        void userNameEqMatchesIgnoringCaseAndReturnsTheOriginalSpelling() {
            JsonNode list = query("userName eq \"PERSON.3\"");

            assertThat(list.path("totalResults").asInt()).isEqualTo(1);
            assertThat(userNames(list)).containsExactly("Person.3");
            assertThat(list.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        }

        @Test
        void theTestConnectionLookupOfARandomGuidIsAnEmptyList() {
            HttpResult result = scim.get("/Users?filter=" + TestHttp.encode("userName eq \"" + UUID.randomUUID() + "\""));

            assertThat(result.status()).isEqualTo(200);
            JsonNode list = result.json();
            assertThat(list.path("totalResults").asInt()).isZero();
            assertThat(list.path("Resources").isArray()).isTrue();
            assertThat(list.path("Resources").size()).isZero();
            assertThat(list.path("startIndex").asInt()).isEqualTo(1);
            assertThat(list.path("itemsPerPage").asInt()).isZero();
        }

        @Test
        void anyEmailValueIsFound() {
            assertThat(userNames(query("emails.value eq \"PERSON2@home.example\""))).containsExactly("Person.2");
            assertThat(userNames(query("emails eq \"person6@work.example\""))).containsExactly("Person.6");
        }

        /** A user made in the admin console has only Keycloak's email: the email lookups find it too. */
        @Test
        void emailOfAUserMadeOutsideScimIsFound() {
            HttpResult created = realm.admin().post(realm.adminPath("/users"), json("{'username':'console.made',"
                    + "'enabled':true,'email':'Console.Made@Example.com','firstName':'Con','lastName':'Sole'}"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            try {
                assertThat(userNames(query("emails.value eq \"console.made@example.com\""))).containsExactly("console.made");
                assertThat(userNames(query("emails eq \"CONSOLE.MADE@example.com\" and name.familyName eq \"Sole\"")))
                        .containsExactly("console.made");
                // Entra's form: the work email of a SCIM-made user is found without scanning the realm
                assertThat(userNames(query("emails[type eq \"work\"].value eq \"person4@work.example\""))).containsExactly("Person.4");
                assertThat(query("emails[type eq \"work\"].value eq \"person4@home.example\"").path("totalResults").asInt()).isZero();
            } finally {
                String location = created.header("Location");
                realm.admin().delete(realm.adminPath("/users/" + location.substring(location.lastIndexOf('/') + 1)));
            }
        }

        @Test
        void namesActiveIdAndCombinations() {
            assertThat(userNames(query("name.familyName eq \"family1\""))).containsExactly("Person.1", "Person.4", "Person.7");
            assertThat(userNames(query("active eq false"))).containsExactly("Person.4");
            assertThat(userNames(query("id eq \"" + ids.get(8) + "\""))).containsExactly("Person.8");
            assertThat(userNames(query("name.familyName eq \"Family1\" and active eq true"))).containsExactly("Person.1", "Person.7");
            assertThat(userNames(query("meta.created gt \"" + createdBetween + "\"")))
                    .containsExactly("Person.5", "Person.6", "Person.7", "Person.8", "Person.9");
        }

        @Test
        void groupMembershipIsAFilter() {
            assertThat(userNames(query("groups.value eq \"" + groupId + "\""))).containsExactly("Person.1", "Person.7");
            assertThat(userNames(query("groups.value eq \"" + groupId + "\" and name.familyName eq \"Family1\" and userName eq \"person.7\"")))
                    .containsExactly("Person.7");
        }
    }

    @Nested
    class InMemory {

        @Test
        void externalIdIsCaseExact() {
            assertThat(userNames(query("externalId eq \"Ext-5\""))).containsExactly("Person.5");
            assertThat(query("externalId eq \"ext-5\"").path("totalResults").asInt()).isZero();
        }

        @Test
        void valuePathsHonourTheTypeFilter() {
            assertThat(userNames(query("emails[type eq \"work\" and value eq \"person3@work.example\"]"))).containsExactly("Person.3");
            assertThat(query("emails[type eq \"work\" and value eq \"person3@home.example\"]").path("totalResults").asInt()).isZero();
        }

        @Test
        void orNotPresentAndContains() {
            assertThat(userNames(query("userName eq \"person.1\" or userName eq \"person.2\""))).containsExactly("Person.1", "Person.2");
            assertThat(query("not (userName sw \"Person\")").path("totalResults").asInt()).isZero();
            assertThat(userNames(query("name.givenName co \"en9\""))).containsExactly("Person.9");
            assertThat(query("title pr").path("totalResults").asInt()).isZero();
        }

        @Test
        void enterpriseAttributesAreFilterable() {
            assertThat(userNames(query(ENTERPRISE + ":department eq \"dept1\"")))
                    .containsExactly("Person.1", "Person.3", "Person.5", "Person.7", "Person.9");
            assertThat(userNames(query("department eq \"Dept0\" and name.familyName eq \"Family0\"")))
                    .containsExactly("Person.0", "Person.6");
        }

        @Test
        void invalidFiltersAre400InvalidFilter() {
            assertError(scim.get("/Users?filter=" + TestHttp.encode("userName eq")), 400, "invalidFilter");
            assertError(scim.get("/Users?filter=" + TestHttp.encode("userName xx \"a\"")), 400, "invalidFilter");
        }
    }

    @Nested
    class Paging {

        @Test
        void pagesAreStableWithExactTotals() {
            JsonNode first = scim.get("/Users?startIndex=1&count=4").json();
            JsonNode second = scim.get("/Users?startIndex=5&count=4").json();
            JsonNode third = scim.get("/Users?startIndex=9&count=4").json();

            assertThat(first.path("totalResults").asInt()).isEqualTo(10);
            assertThat(first.path("itemsPerPage").asInt()).isEqualTo(4);
            assertThat(third.path("itemsPerPage").asInt()).isEqualTo(2);
            List<String> all = new ArrayList<>(userNames(first));
            all.addAll(userNames(second));
            all.addAll(userNames(third));
            assertThat(all).containsExactly("Person.0", "Person.1", "Person.2", "Person.3", "Person.4", "Person.5",
                    "Person.6", "Person.7", "Person.8", "Person.9");
        }

        @Test
        void countZeroGivesOnlyTheTotal() {
            JsonNode list = scim.get("/Users?count=0&filter=" + TestHttp.encode("active eq true")).json();

            assertThat(list.path("totalResults").asInt()).isEqualTo(9);
            assertThat(list.path("itemsPerPage").asInt()).isZero();
            assertThat(list.path("Resources").size()).isZero();
        }

        @Test
        void sortsByUserNameAndFamilyName() {
            JsonNode descending = scim.get("/Users?sortBy=userName&sortOrder=descending&count=3").json();
            JsonNode byFamily = scim.get("/Users?sortBy=name.familyName&count=10&attributes=userName,name.familyName").json();

            assertThat(userNames(descending)).containsExactly("Person.9", "Person.8", "Person.7");
            assertThat(descending.path("totalResults").asInt()).isEqualTo(10);
            List<String> families = new ArrayList<>();
            byFamily.path("Resources").forEach(user -> families.add(user.path("name").path("familyName").asText()));
            assertThat(families).isSorted();
            assertThat(byFamily.path("Resources").get(0).has("emails")).isFalse();
        }

        @Test
        void searchWithPostAcceptsTheSameQuery() {
            HttpResult result = scim.post("/Users/.search", json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],"
                    + "'filter':'name.familyName eq \\\"Family2\\\"','attributes':['userName'],'startIndex':1,'count':1}"));

            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            JsonNode list = result.json();
            assertThat(list.path("totalResults").asInt()).isEqualTo(3);
            assertThat(userNames(list)).containsExactly("Person.2");
            assertThat(list.path("Resources").get(0).has("name")).isFalse();
        }

        @Test
        void tooLargeCountsAreCappedAtTheMaximumPageSize() {
            JsonNode list = scim.get("/Users?count=5000").json();

            assertThat(list.path("itemsPerPage").asInt()).isEqualTo(10);
        }
    }
}
