package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-target scope: entering a target's scope (group membership, a role grant, Organization membership)
 * provisions the user; leaving it deprovisions (DELETE, or {@code active:false} in {@code deactivate} mode);
 * invalid scopes are rejected with a 400 naming the problem.
 */
@KeycloakIntegrationTest
class OutboundScopeIT {

    private static OutboundFixture fx;
    private static final List<MockScimTarget> mocks = new ArrayList<>();

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-scope");
        HttpResult realm = admin.put("/admin/realms/" + fx.realm, JSON.createObjectNode().put("organizationsEnabled", true));
        assertThat(realm.status()).as(realm.toString()).isEqualTo(204);
    }

    @AfterAll
    static void tearDown() {
        mocks.forEach(MockScimTarget::close);
        if (fx != null) {
            fx.close();
        }
    }

    private static MockScimTarget mock() {
        MockScimTarget mock = new MockScimTarget(OutboundFixture.TOKEN).start();
        mocks.add(mock);
        return mock;
    }

    private static ObjectNode target(String name, MockScimTarget mock, ObjectNode users) {
        ObjectNode json = OutboundFixture.targetJson(name, mock.baseUrl());
        ObjectNode scope = json.putObject("scope");
        scope.set("users", users);
        scope.putObject("groups").put("type", "none");
        return json;
    }

    @Test
    void groupMembersAreProvisionedAndDeprovisionedOnLeaving() {
        String staff = fx.createGroup("staff");
        String subgroup = createChild(staff, "interns");
        MockScimTarget mock = mock();
        ObjectNode users = JSON.createObjectNode().put("type", "groups").put("includeSubgroups", true);
        users.putArray("groups").add(staff);
        String targetId = fx.registerTarget(target("by-group", mock, users));
        JsonNode stored = fx.admin.get(fx.targetPath(targetId)).json().get("scope");
        assertThat(stored.path("users").path("type").asText()).isEqualTo("groups");
        assertThat(stored.path("users").path("groups").get(0).asText()).isEqualTo(staff);
        assertThat(stored.path("groups").path("type").asText()).isEqualTo("none");

        String ann = fx.createUser("ann", "Ann", "Able", null);
        String ian = fx.createUser("ian", "Ian", "Intern", null);
        fx.awaitAllIdle();
        assertThat(mock.users().size()).isZero();
        assertThat(mock.requests(r -> r.is("POST", "/Users"))).isEmpty();
        JsonNode outside = fx.admin.get(fx.targetPath(targetId) + "/preview?user=" + ann).json();
        assertThat(outside.path("inScope").asBoolean(true)).isFalse();
        assertThat(outside.path("linked").asBoolean(true)).isFalse();
        assertThat(outside.path("operation").asText()).isEqualTo("none");
        assertThat(outside.path("resource").path("userName").asText()).isEqualTo("ann");

        fx.join(ann, staff);
        await("ann provisioned", () -> mock.users().findBy("userName", "ann") != null);
        fx.join(ian, subgroup);
        await("ian provisioned through the subgroup", () -> mock.users().findBy("userName", "ian") != null);
        assertThat(mock.users().findBy("userName", "ann").path("externalId").asText()).isEqualTo(ann);
        // Groups are out of this target's scope: none was created, no membership sent
        assertThat(mock.groups().size()).isZero();
        assertThat(mock.requests(r -> r.path().startsWith("/Groups"))).isEmpty();

        String annRemote = mock.users().findBy("userName", "ann").get("id").asText();
        JsonNode inside = fx.admin.get(fx.targetPath(targetId) + "/preview?user=" + ann).json();
        assertThat(inside.path("inScope").asBoolean()).isTrue();
        assertThat(inside.path("remoteId").asText()).isEqualTo(annRemote);
        fx.leave(ann, staff);
        await("ann deprovisioned", () -> mock.users().get(annRemote) == null);
        assertThat(mock.requests(r -> r.is("DELETE", "/Users/" + annRemote))).hasSize(1);
        assertThat(mock.users().findBy("userName", "ian")).isNotNull();
    }

    /** A scope whose group is deleted would put everyone out of scope: nothing is deprovisioned, runs refuse. */
    @Test
    void deletingTheScopeGroupDeprovisionsNobody() throws InterruptedException {
        String team = fx.createGroup("doomed-team");
        MockScimTarget mock = mock();
        ObjectNode users = JSON.createObjectNode().put("type", "groups").put("includeSubgroups", false);
        users.putArray("groups").add(team);
        String targetId = fx.registerTarget(target("by-doomed-group", mock, users));
        String dora = fx.createUser("dora", "Dora", "Doomed", null);
        fx.join(dora, team);
        await("dora provisioned", () -> mock.users().findBy("userName", "dora") != null);
        String remote = mock.users().findBy("userName", "dora").get("id").asText();

        assertThat(fx.admin.delete("/admin/realms/" + fx.realm + "/groups/" + team).status()).isEqualTo(204);
        fx.updateUser(dora, JSON.createObjectNode().put("firstName", "Dorothea"));
        await("dora's change waits with the reason", () -> fx.admin.get(fx.targetPath(targetId) + "/status").json()
                .path("lastError").path("message").asText("").contains("which no longer exists"));
        HttpResult run = fx.admin.post(fx.targetPath(targetId) + "/sync", JSON.createObjectNode());
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        String runPath = fx.targetPath(targetId) + "/sync/" + run.json().get("id").asText();
        await("the sync run refused", () -> fx.admin.get(runPath).json().path("status").asText().equals("failed"));
        assertThat(fx.admin.get(runPath).json().path("error").asText()).contains("no longer exists", "nothing was changed");
        Thread.sleep(1_000);
        assertThat(mock.users().get(remote)).as("dora still on the target").isNotNull();
        assertThat(mock.users().get(remote).path("active").asBoolean()).isTrue();
        assertThat(mock.requests(r -> r.is("DELETE", "/Users/" + remote))).isEmpty();
        assertThat(fx.admin.get(fx.targetPath(targetId) + "/status").json().path("queueDepth").asLong())
                .as("dora's change kept, not dropped").isGreaterThanOrEqualTo(1);
    }

    @Test
    void roleHoldersAreProvisionedAndDeactivatedOnRevocation() {
        HttpResult role = fx.admin.post("/admin/realms/" + fx.realm + "/roles", JSON.createObjectNode().put("name", "crm-user"));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        JsonNode roleRep = fx.admin.get("/admin/realms/" + fx.realm + "/roles/crm-user").json();
        MockScimTarget mock = mock();
        ObjectNode json = target("by-role", mock, JSON.createObjectNode().put("type", "role").put("role", "crm-user"))
                .put("deleteMode", "deactivate");
        fx.registerTarget(json);

        String bea = fx.createUser("bea", "Bea", "Brook", null);
        fx.awaitAllIdle();
        assertThat(mock.users().findBy("userName", "bea")).isNull();

        String mappings = "/admin/realms/" + fx.realm + "/users/" + bea + "/role-mappings/realm";
        assertThat(fx.admin.post(mappings, JSON.createArrayNode().add(roleRep)).status()).isEqualTo(204);
        await("bea provisioned", () -> mock.users().findBy("userName", "bea") != null);
        String remote = mock.users().findBy("userName", "bea").get("id").asText();
        assertThat(mock.users().get(remote).path("active").asBoolean()).isTrue();

        HttpResult revoke = TestHttp.send("DELETE", fx.admin.baseUrl() + mappings, fx.admin.token(), null,
                JSON.createArrayNode().add(roleRep).toString());
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(204);
        await("bea deactivated", () -> !mock.users().get(remote).path("active").asBoolean(true));
        JsonNode ops = mock.requests(r -> r.is("PATCH", "/Users/" + remote)).get(0).body().get("Operations");
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).path("op").asText()).isEqualTo("replace");
        assertThat(ops.get(0).path("path").asText()).isEqualTo("active");
        assertThat(ops.get(0).path("value").asBoolean(true)).isFalse();
        assertThat(mock.requests(r -> r.is("DELETE", "/Users"))).isEmpty();
    }

    @Test
    void organizationMembersAreProvisionedAndDeprovisionedOnRemoval() {
        ObjectNode org = JSON.createObjectNode().put("name", "Acme").put("alias", "acme");
        org.putArray("domains").addObject().put("name", "acme.test");
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/organizations", org);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String orgId = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        MockScimTarget mock = mock();
        fx.registerTarget(target("by-org", mock, JSON.createObjectNode().put("type", "organization")
                .put("organization", orgId)));

        String cal = fx.createUser("cal", "Cal", "Cole", "cal@acme.test");
        fx.awaitAllIdle();
        assertThat(mock.users().findBy("userName", "cal")).isNull();

        HttpResult member = fx.admin.post("/admin/realms/" + fx.realm + "/organizations/" + orgId + "/members",
                JSON.getNodeFactory().textNode(cal));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        await("cal provisioned", () -> mock.users().findBy("userName", "cal") != null);
        String remote = mock.users().findBy("userName", "cal").get("id").asText();
        // Keycloak's internal Organization group is never pushed
        assertThat(mock.requests(r -> r.path().startsWith("/Groups"))).isEmpty();

        HttpResult removed = fx.admin.delete("/admin/realms/" + fx.realm + "/organizations/" + orgId + "/members/" + cal);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        await("cal deprovisioned", () -> mock.users().get(remote) == null);
    }

    @Test
    void invalidScopesAreRejectedWithTheProblem() {
        MockScimTarget mock = mock();
        ObjectNode users = JSON.createObjectNode().put("type", "groups");
        users.putArray("groups").add("no-such-group");
        HttpResult badGroup = fx.admin.post(fx.targetsPath(), target("bad-group", mock, users));
        assertThat(badGroup.status()).as(badGroup.toString()).isEqualTo(400);
        assertThat(badGroup.json().path("errorMessage").asText()).contains("scope.users.groups: no group 'no-such-group'");

        HttpResult badType = fx.admin.post(fx.targetsPath(), target("bad-type", mock,
                JSON.createObjectNode().put("type", "everyone")));
        assertThat(badType.status()).as(badType.toString()).isEqualTo(400);
        assertThat(badType.json().path("errors").toString())
                .contains("scope.users.type: must be one of all, groups, role, organization");

        HttpResult badRole = fx.admin.post(fx.targetsPath(), target("bad-role", mock,
                JSON.createObjectNode().put("type", "role").put("role", "nope")));
        assertThat(badRole.status()).as(badRole.toString()).isEqualTo(400);
        assertThat(badRole.json().path("errorMessage").asText()).contains("scope.users.role: no realm role 'nope'");
    }

    @Test
    void serviceAccountsAreNeverProvisionedEvenToAnAllUsersTarget() {
        MockScimTarget mock = mock();
        String targetId = fx.registerTarget(target("all-but-robots", mock, JSON.createObjectNode().put("type", "all")));
        ObjectNode client = JSON.createObjectNode().put("clientId", "robot").put("publicClient", false)
                .put("serviceAccountsEnabled", true);
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/clients", client);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        fx.createUser("eve", "Eve", "Early", null);
        await("eve provisioned", () -> mock.users().findBy("userName", "eve") != null);
        fx.awaitAllIdle();
        assertThat(mock.users().findBy("userName", "service-account-robot")).isNull();

        JsonNode run = fx.awaitRun(targetId, fx.startSync(targetId));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        assertThat(mock.users().findBy("userName", "service-account-robot")).as(run.toString()).isNull();
        assertThat(mock.users().findBy("userName", "eve")).isNotNull();
        assertThat(mock.requests(r -> r.body() != null && r.body().toString().contains("service-account-robot"))).isEmpty();
    }

    private static String createChild(String parentId, String name) {
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/groups/" + parentId + "/children",
                JSON.createObjectNode().put("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        return location != null ? location.substring(location.lastIndexOf('/') + 1) : created.json().get("id").asText();
    }
}
