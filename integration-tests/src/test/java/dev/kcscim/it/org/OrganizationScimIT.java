package dev.kcscim.it.org;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: each organization has its own SCIM base URL and tokens, and through it sees and changes only its own
 * members and groups. Two organizations provision concurrently; every cross-organization access (read by id,
 * filter, list, cursor pages, .search, PUT/PATCH/DELETE, group members, Bulk) is refused or invisible.
 */
@KeycloakIntegrationTest
class OrganizationScimIT {

    private static final int PER_ORG = 8;

    static ScimRealm realm;
    static AdminClient admin;
    static KeycloakServer server;
    static String acmeId;
    static String globexId;
    static String acmeSecret;
    static String globexSecret;
    static ScimTestClient acme;
    static ScimTestClient globex;

    @BeforeAll
    static void setUp(KeycloakServer keycloak, AdminClient adminClient) {
        server = keycloak;
        admin = adminClient;
        realm = ScimRealm.create(keycloak, adminClient, "orgs");
        Orgs.enable(admin, realm.name());
        acmeId = Orgs.create(admin, realm.name(), "acme");
        globexId = Orgs.create(admin, realm.name(), "globex");
        acmeSecret = Orgs.token(admin, realm.name(), "acme-entra", acmeId);
        globexSecret = Orgs.token(admin, realm.name(), "globex-okta", globexId);
        acme = Orgs.client(keycloak, realm.name(), "acme", acmeSecret);
        globex = Orgs.client(keycloak, realm.name(), "globex", globexSecret);
    }

    @AfterAll
    static void tearDown() {
        realm.delete();
    }

    static void assertScimError(HttpResult result, int status, String scimType) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.mediaType()).isEqualTo("application/scim+json");
        assertThat(result.json().path("status").asText()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(result.json().path("scimType").asText()).as(result.toString()).isEqualTo(scimType);
        }
    }

    static String createUser(ScimTestClient client, String userName, String domain) {
        HttpResult created = client.post("/Users", json("{'userName':'" + userName + "','emails':[{'value':'" + userName
                + "@" + domain + "','primary':true}],'name':{'givenName':'G','familyName':'F'}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
        return ids;
    }

    /** Every id of a cursor-paged walk over /Users (RFC 9865), pages of 3. */
    static Set<String> cursorWalk(ScimTestClient client) {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        for (int page = 0; page < 50 && cursor != null; page++) {
            HttpResult result = client.get("/Users?count=3&cursor=" + TestHttp.encode(cursor));
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            ids.addAll(ids(result.json()));
            cursor = result.json().hasNonNull("nextCursor") ? result.json().path("nextCursor").asText() : null;
        }
        return ids;
    }

    @Test
    void twoOrganizationsProvisionConcurrentlyAndEachSeesOnlyItsOwnMembers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> acmeUsers = new ArrayList<>();
        List<Future<String>> globexUsers = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ORG; i++) {
                int n = i;
                acmeUsers.add(pool.submit((Callable<String>) () -> createUser(acme, "conc.acme" + n, "acme.test")));
                globexUsers.add(pool.submit((Callable<String>) () -> createUser(globex, "conc.globex" + n, "globex.test")));
            }
            Set<String> acmeIds = new HashSet<>();
            Set<String> globexIds = new HashSet<>();
            for (int i = 0; i < PER_ORG; i++) {
                acmeIds.add(acmeUsers.get(i).get());
                globexIds.add(globexUsers.get(i).get());
            }
            // each organization's list holds its own users and none of the other's
            JsonNode acmeList = acme.get("/Users?filter=" + TestHttp.encode("userName sw \"conc.\"") + "&count=100").json();
            assertThat(ids(acmeList)).isEqualTo(acmeIds);
            assertThat(acmeList.path("totalResults").asInt()).isEqualTo(PER_ORG);
            assertThat(ids(globex.get("/Users?filter=" + TestHttp.encode("userName sw \"conc.\"") + "&count=100").json()))
                    .isEqualTo(globexIds);
            // Keycloak holds them as managed members of their organization
            JsonNode members = admin.get("/admin/realms/" + realm.name() + "/organizations/" + acmeId + "/members?max=100").json();
            Set<String> memberIds = new HashSet<>();
            for (JsonNode member : members) {
                memberIds.add(member.path("id").asText());
                if (acmeIds.contains(member.path("id").asText())) {
                    assertThat(member.path("membershipType").asText()).isEqualTo("MANAGED");
                }
            }
            assertThat(memberIds).containsAll(acmeIds).doesNotContainAnyElementsOf(globexIds);
            // the realm endpoint, with a realm-level access token, sees both
            assertThat(realm.scim().get("/Users/" + globexIds.iterator().next()).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherOrganizationsUserIsInvisibleEverywhere() {
        String bob = createUser(globex, "bob.globex", "globex.test");
        String alice = createUser(acme, "alice.acme", "acme.test");
        HttpResult realmOnly = realm.scim().post("/Users", json("{'userName':'realm.only'}"));
        assertThat(realmOnly.status()).isEqualTo(201);
        String loner = realmOnly.json().path("id").asText();

        for (String foreign : List.of(bob, loner)) {
            assertScimError(acme.get("/Users/" + foreign), 404, null);
            assertScimError(acme.put("/Users/" + foreign, json("{'userName':'stolen'}")), 404, null);
            assertScimError(acme.patch("/Users/" + foreign, patchOps("{'op':'replace','path':'active','value':false}")), 404, null);
            assertScimError(acme.delete("/Users/" + foreign), 404, null);
            assertThat(acme.get("/Users?filter=" + TestHttp.encode("id eq \"" + foreign + "\"")).json().path("totalResults").asInt())
                    .isZero();
        }
        for (String filter : List.of("userName eq \"bob.globex\"", "emails.value eq \"bob.globex@globex.test\"",
                "emails[type eq \"work\" or primary eq true].value eq \"bob.globex@globex.test\"",
                "userName co \"globex\"", "userName eq \"realm.only\"", "active eq true and userName eq \"bob.globex\"")) {
            HttpResult result = acme.get("/Users?filter=" + TestHttp.encode(filter));
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            assertThat(result.json().path("totalResults").asInt()).as(filter).isZero();
            HttpResult searched = acme.post("/Users/.search", json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],"
                    + "'filter':'" + filter.replace("\"", "\\\"") + "'}"));
            assertThat(searched.status()).as(searched.toString()).isEqualTo(200);
            assertThat(searched.json().path("totalResults").asInt()).as(filter).isZero();
        }
        HttpResult rootSearch = acme.post("/.search", json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],"
                + "'filter':'userName eq \\\"bob.globex\\\"'}"));
        assertThat(rootSearch.status()).as(rootSearch.toString()).isEqualTo(200);
        assertThat(rootSearch.json().path("totalResults").asInt()).isZero();
        // unfiltered lists and cursor walks hold only the organization's members
        Set<String> listed = ids(acme.get("/Users?count=1000").json());
        assertThat(listed).contains(alice).doesNotContain(bob, loner);
        assertThat(cursorWalk(acme)).contains(alice).doesNotContain(bob, loner);
        assertThat(acme.get("/Users?filter=" + TestHttp.encode("userName eq \"alice.acme\"")).json().path("totalResults").asInt())
                .isEqualTo(1);
        // nothing was changed by the refused writes
        HttpResult bobNow = realm.scim().get("/Users/" + bob);
        assertThat(bobNow.json().path("userName").asText()).isEqualTo("bob.globex");
        assertThat(bobNow.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void groupsBelongToTheirOrganizationAndRefuseForeignMembers() {
        String carol = createUser(acme, "carol.acme", "acme.test");
        String dave = createUser(globex, "dave.globex", "globex.test");
        HttpResult created = acme.post("/Groups", json("{'displayName':'acme-admins','members':[{'value':'" + carol + "'}]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String group = created.json().path("id").asText();
        assertThat(created.json().path("meta").path("location").asText()).contains("/organizations/acme/v2/Groups/" + group);
        // Keycloak holds it as one of acme's organization groups
        JsonNode orgGroups = admin.get("/admin/realms/" + realm.name() + "/organizations/" + acmeId + "/groups").json();
        assertThat(orgGroups.toString()).contains(group);
        assertThat(acme.get("/Users/" + carol).json().path("groups").toString()).contains(group);

        // invisible to the other organization
        assertScimError(globex.get("/Groups/" + group), 404, null);
        assertScimError(globex.patch("/Groups/" + group, patchOps("{'op':'add','path':'members','value':[{'value':'" + dave + "'}]}")),
                404, null);
        assertThat(ids(globex.get("/Groups?count=1000").json())).doesNotContain(group);
        assertThat(globex.get("/Groups?filter=" + TestHttp.encode("displayName eq \"acme-admins\"")).json().path("totalResults").asInt())
                .isZero();

        // a foreign user as a member is refused and nothing is applied, not even the valid part
        String erin = createUser(acme, "erin.acme", "acme.test");
        HttpResult foreignMember = acme.patch("/Groups/" + group, patchOps(
                "{'op':'add','path':'members','value':[{'value':'" + erin + "'},{'value':'" + dave + "'}]}"));
        assertScimError(foreignMember, 400, "invalidValue");
        JsonNode members = acme.get("/Groups/" + group).json().path("members");
        assertThat(members.toString()).contains(carol).doesNotContain(dave, erin);
        assertScimError(acme.post("/Groups", json("{'displayName':'with-foreigner','members':[{'value':'" + dave + "'}]}")),
                400, "invalidValue");
        assertThat(acme.get("/Groups?filter=" + TestHttp.encode("displayName eq \"with-foreigner\"")).json()
                .path("totalResults").asInt()).isZero();
        // members leave through the organization's URL as well
        HttpResult removed = acme.patch("/Groups/" + group, patchOps("{'op':'remove','path':'members[value eq \\\"" + carol + "\\\"]'}"));
        assertThat(removed.status()).as(removed.toString()).isIn(200, 204);
        assertThat(acme.get("/Groups/" + group).json().path("members").toString()).doesNotContain(carol);
        assertThat(acme.get("/Users/" + carol).json().path("groups").toString()).doesNotContain(group);
        // the realm URL sees neither the organization's groups nor its internal membership group
        assertScimError(realm.scim().get("/Groups/" + group), 404, null);
        String internal = null; // the organization's internal group is the parent of its top-level groups
        for (JsonNode orgGroup : orgGroups) {
            if (orgGroup.path("id").asText().equals(group)) {
                internal = orgGroup.path("parentId").asText();
            }
        }
        assertThat(internal).as(orgGroups.toString()).isNotBlank().isNotEqualTo(group);
        assertScimError(realm.scim().get("/Groups/" + internal), 404, null);
        assertScimError(realm.scim().patch("/Groups/" + internal,
                patchOps("{'op':'add','path':'members','value':[{'value':'" + dave + "'}]}")), 404, null);
        assertThat(acme.get("/Users/" + dave).status()).as("dave did not join acme").isEqualTo(404);
        assertThat(ids(realm.scim().get("/Groups?count=1000").json())).doesNotContain(group);
        // a realm group is not the organization's either
        HttpResult realmGroup = realm.scim().post("/Groups", json("{'displayName':'realm-staff'}"));
        assertThat(realmGroup.status()).isEqualTo(201);
        assertScimError(acme.get("/Groups/" + realmGroup.json().path("id").asText()), 404, null);
        assertThat(acme.get("/Users?filter=" + TestHttp.encode("groups.value eq \"" + realmGroup.json().path("id").asText() + "\""))
                .json().path("totalResults").asInt()).isZero();
    }

    @Test
    void bulkOperationsReferencingForeignIdsFail() {
        String frank = createUser(globex, "frank.globex", "globex.test");
        HttpResult group = acme.post("/Groups", json("{'displayName':'acme-bulk'}"));
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.json().path("id").asText();
        ObjectNode bulk = json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':["
                + "{'method':'PATCH','path':'/Users/" + frank + "','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','path':'active','value':false}]}},"
                + "{'method':'DELETE','path':'/Users/" + frank + "'},"
                + "{'method':'PATCH','path':'/Groups/" + groupId + "','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'add','path':'members','value':[{'value':'" + frank + "'}]}]}},"
                + "{'method':'POST','path':'/Users','bulkId':'u1','data':{'userName':'bulk.acme','emails':[{'value':'bulk.acme@acme.test'}]}}]}");
        HttpResult result = acme.post("/Bulk", bulk);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        JsonNode ops = result.json().path("Operations");
        assertThat(ops.get(0).path("status").asText()).isEqualTo("404");
        assertThat(ops.get(1).path("status").asText()).isEqualTo("404");
        assertThat(ops.get(2).path("status").asText()).isEqualTo("400");
        assertThat(ops.get(2).path("response").path("scimType").asText()).isEqualTo("invalidValue");
        assertThat(ops.get(3).path("status").asText()).isEqualTo("201");
        assertThat(ops.get(3).path("location").asText()).contains("/organizations/acme/v2/Users/");
        // frank is untouched and not in the group; the bulk-created user is acme's
        JsonNode frankNow = realm.scim().get("/Users/" + frank).json();
        assertThat(frankNow.path("active").asBoolean()).isTrue();
        assertThat(acme.get("/Groups/" + groupId).json().path("members").toString()).doesNotContain(frank);
        String bulkUser = ops.get(3).path("location").asText().replaceAll(".*/", "");
        assertThat(acme.get("/Users/" + bulkUser).status()).isEqualTo(200);
        assertScimError(globex.get("/Users/" + bulkUser), 404, null);
    }

    @Test
    void tokensWorkOnlyOnTheirOwnBaseUrl() {
        // another organization's token, a realm token and an access token are all refused on acme's URL
        assertScimError(acme.raw("GET", "/Users", globexSecret, null, null), 401, null);
        String realmSecret = ScimRealm.createToken(admin, realm.name(), "realm-wide", "read-write").path("secret").asText();
        assertScimError(acme.raw("GET", "/Users", realmSecret, null, null), 401, null);
        assertScimError(acme.raw("GET", "/Users", realm.scim().token(), null, null), 401, null);
        // an organization's token is refused on the realm URL
        assertScimError(realm.scim().raw("GET", "/Users", acmeSecret, null, null), 401, null);
        assertThat(acme.get("/Users").status()).isEqualTo(200);
        assertThat(realm.scim().raw("GET", "/Users", realmSecret, null, null).status()).isEqualTo(200);
        // unknown alias: a SCIM 404 before any authentication
        ScimTestClient nowhere = Orgs.client(server, realm.name(), "no-such-org", acmeSecret);
        assertScimError(nowhere.get("/Users"), 404, null);
        assertScimError(nowhere.get("/ServiceProviderConfig"), 404, null);
    }

    @Test
    void aUserCreatedInAnOrganizationNeedsAnEmailAndCanThenBeDeactivated() {
        // Keycloak validates every change of a managed member against its email, so one without is refused up front
        assertScimError(acme.post("/Users", json("{'userName':'no.mail'}")), 400, "invalidValue");
        assertThat(realm.scim().get("/Users?filter=" + TestHttp.encode("userName eq \"no.mail\"")).json()
                .path("totalResults").asInt()).isZero();
        String gina = createUser(acme, "gina.acme", "acme.test");
        HttpResult deactivated = acme.patch("/Users/" + gina, patchOps("{'op':'replace','path':'active','value':false}"));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean(true)).isFalse();
        HttpResult replaced = acme.put("/Users/" + gina, json("{'userName':'gina.acme','active':true,"
                + "'emails':[{'value':'gina@acme.test','primary':true}]}"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("emails").get(0).path("value").asText()).isEqualTo("gina@acme.test");
    }

    @Test
    void hostileRequestsGetScimErrorsOnTheOrganizationsUrlToo() {
        assertScimError(acme.raw("POST", "/Users", acmeSecret, "multipart/form-data; boundary=x", "--x--"), 415, null);
        assertScimError(acme.raw("GET", "/Users?filter=userName%20eq%20%22a%00%22", acmeSecret, null, null), 400, "invalidFilter");
        assertScimError(acme.raw("POST", "/Users", acmeSecret, "application/scim+json", "{\"userName\":"), 400, "invalidSyntax");
    }

    @Test
    void discoveryDocumentsNameTheOrganizationsLocations() {
        String base = Orgs.baseUrl(server, realm.name(), "acme");
        HttpResult config = TestHttp.get(base + "/ServiceProviderConfig", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("meta").path("location").asText()).isEqualTo(base + "/ServiceProviderConfig");
        HttpResult types = TestHttp.get(base + "/ResourceTypes", null);
        assertThat(types.status()).isEqualTo(200);
        for (JsonNode type : types.json().path("Resources")) {
            assertThat(type.path("meta").path("location").asText()).startsWith(base + "/ResourceTypes/");
        }
        HttpResult schemas = TestHttp.get(base + "/Schemas", null);
        assertThat(schemas.status()).isEqualTo(200);
        assertThat(schemas.json().path("Resources").get(0).path("meta").path("location").asText()).startsWith(base + "/Schemas/");
    }

    @Test
    void tokenAdminApiValidatesAndFiltersByOrganization() {
        HttpResult unknown = admin.post("/admin/realms/" + realm.name() + "/scim-provisioning/tokens",
                json("{'name':'ghost','scope':'read-write','organizationId':'no-such-org'}"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("organizationId");
        JsonNode acmeTokens = admin.get("/admin/realms/" + realm.name() + "/scim-provisioning/tokens?organizationId=" + acmeId).json();
        assertThat(acmeTokens.size()).isEqualTo(1);
        assertThat(acmeTokens.get(0).path("name").asText()).isEqualTo("acme-entra");
        assertThat(acmeTokens.get(0).path("organizationId").asText()).isEqualTo(acmeId);
        assertThat(acmeTokens.get(0).has("secret")).isFalse();
    }

    @Test
    void organizationsSwitchedOffMeansNoOrganizationEndpoints() {
        ScimRealm plain = ScimRealm.create(server, admin, "orgs-off");
        try {
            ScimTestClient client = Orgs.client(server, plain.name(), "acme", acmeSecret);
            assertScimError(client.get("/Users"), 404, null);
            HttpResult token = admin.post("/admin/realms/" + plain.name() + "/scim-provisioning/tokens",
                    json("{'name':'x','scope':'read-write','organizationId':'" + acmeId + "'}"));
            assertThat(token.status()).as(token.toString()).isEqualTo(400);
        } finally {
            plain.delete();
        }
    }
}
