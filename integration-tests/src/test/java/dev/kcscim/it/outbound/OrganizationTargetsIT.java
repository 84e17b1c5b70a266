package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import dev.kcscim.testsupport.scim.ScimRealm;
import dev.kcscim.testsupport.scim.ScimTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, outbound: a target owned by an organization receives that organization's members only (each customer's
 * users go to its own SaaS tenant), beside a realm-level target that keeps receiving everyone; the owner is listed
 * and filterable, and an owned target cannot widen its scope.
 */
@KeycloakIntegrationTest
class OrganizationTargetsIT {

    private static OutboundFixture fx;
    private static MockScimTarget acmeApp;
    private static MockScimTarget globexApp;
    private static String acmeId;
    private static String globexId;
    private static String acmeTarget;
    private static KeycloakServer server;

    @BeforeAll
    static void setUp(KeycloakServer keycloak, AdminClient admin) {
        server = keycloak;
        fx = new OutboundFixture(admin, "outbound-orgs");
        ScimRealm.enableScim(admin, fx.realm);
        HttpResult realm = admin.put("/admin/realms/" + fx.realm, JSON.createObjectNode().put("organizationsEnabled", true));
        assertThat(realm.status()).as(realm.toString()).isEqualTo(204);
        acmeId = organization("acme");
        globexId = organization("globex");
        acmeApp = new MockScimTarget(OutboundFixture.TOKEN).start();
        globexApp = new MockScimTarget(OutboundFixture.TOKEN).start();
        acmeTarget = fx.registerTarget(owned("acme-app", acmeApp, acmeId));
        fx.registerTarget(owned("globex-app", globexApp, globexId));
        fx.registerTarget("realm-app");
    }

    @AfterAll
    static void tearDown() {
        for (MockScimTarget mock : new MockScimTarget[] {acmeApp, globexApp}) {
            if (mock != null) {
                mock.close();
            }
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static String organization(String alias) {
        ObjectNode org = JSON.createObjectNode().put("name", alias).put("alias", alias);
        org.putArray("domains").addObject().put("name", alias + ".test");
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/organizations", org);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
    }

    private static ObjectNode owned(String name, MockScimTarget mock, String orgId) {
        return OutboundFixture.targetJson(name, mock.baseUrl()).put("organizationId", orgId);
    }

    @Test
    void aMemberOfOneOrganizationReachesItsTargetOnlyAndTheRealmTarget() {
        // through acme's own SCIM endpoint, with acme's token
        HttpResult token = fx.admin.post("/admin/realms/" + fx.realm + "/scim-provisioning/tokens",
                JSON.createObjectNode().put("name", "acme-idp").put("scope", "read-write").put("organizationId", acmeId));
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String base = server.scimBaseUrl(fx.realm).replace("/scim-provisioning/v2", "/scim-provisioning/organizations/acme/v2");
        ScimTestClient acme = new ScimTestClient(base, () -> token.json().path("secret").asText());
        HttpResult created = acme.post("/Users", ScimTestClient.json(
                "{'userName':'amy','emails':[{'value':'amy@acme.test','primary':true}]}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // through Keycloak's own organization API
        String ben = fx.createUser("ben", "Ben", "Bell", "ben@globex.test");
        HttpResult member = fx.admin.post("/admin/realms/" + fx.realm + "/organizations/" + globexId + "/members",
                JSON.getNodeFactory().textNode(ben));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String outsider = fx.createUser("olga", "Olga", "Out", null);

        await("amy at acme's app", () -> acmeApp.users().findBy("userName", "amy") != null);
        await("ben at globex's app", () -> globexApp.users().findBy("userName", "ben") != null);
        await("everyone at the realm app", () -> fx.target.users().findBy("userName", "amy") != null
                && fx.target.users().findBy("userName", "ben") != null && fx.target.users().findBy("userName", "olga") != null);
        fx.awaitAllIdle();
        assertThat(acmeApp.users().findBy("userName", "ben")).isNull();
        assertThat(acmeApp.users().findBy("userName", "olga")).isNull();
        assertThat(globexApp.users().findBy("userName", "amy")).isNull();
        assertThat(globexApp.users().findBy("userName", "olga")).isNull();
        // no realm group, nor the organizations' internal groups, reaches an organization's app
        fx.createGroup("realm-staff");
        fx.join(outsider, fx.admin.get("/admin/realms/" + fx.realm + "/groups?search=realm-staff").json().get(0).path("id").asText());
        fx.awaitAllIdle();
        assertThat(acmeApp.requests(r -> r.path().startsWith("/Groups"))).isEmpty();
        assertThat(globexApp.requests(r -> r.path().startsWith("/Groups"))).isEmpty();
    }

    @Test
    void ownedTargetsAreListedByOrganizationAndCannotWidenTheirScope() {
        JsonNode stored = fx.admin.get(fx.targetPath(acmeTarget)).json();
        assertThat(stored.path("organizationId").asText()).isEqualTo(acmeId);
        assertThat(stored.path("scope").path("users").path("type").asText()).isEqualTo("organization");
        assertThat(stored.path("scope").path("users").path("organization").asText()).isEqualTo(acmeId);
        assertThat(stored.path("scope").path("groups").path("type").asText()).isEqualTo("none");

        JsonNode listed = fx.admin.get(fx.targetsPath() + "?organizationId=" + acmeId).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("acme-app");
        assertThat(fx.admin.get(fx.targetsPath()).json().size()).isEqualTo(3);

        ObjectNode widened = owned("acme-wide", acmeApp, acmeId);
        widened.putObject("scope").putObject("groups").put("type", "all");
        HttpResult refused = fx.admin.post(fx.targetsPath(), widened);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("scope.groups.type");

        ObjectNode moved = (ObjectNode) stored.deepCopy();
        moved.put("organizationId", globexId);
        HttpResult move = fx.admin.put(fx.targetPath(acmeTarget), moved);
        assertThat(move.status()).as(move.toString()).isEqualTo(400);
        assertThat(move.body()).contains("organizationId");

        HttpResult unknown = fx.admin.post(fx.targetsPath(), owned("ghost-app", acmeApp, "no-such-org"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("scope.users.organization");
    }
}
