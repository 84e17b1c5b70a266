package dev.kcscim.it.outbound;

import static dev.kcscim.it.outbound.OutboundFixture.JSON;
import static dev.kcscim.it.outbound.OutboundFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.mocktarget.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attribute mapping (userName from the email, a custom URN attribute, an enterprise attribute, a typed phone
 * number, realm roles as {@code roles}) arrives at the target exactly; the preview shows exactly the request
 * that is then sent; invalid mappings are a 400 naming each problem.
 */
@KeycloakIntegrationTest
class OutboundMappingIT {

    static final String ACME = "urn:acme:params:scim:schemas:extension:acme:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

    private static OutboundFixture fx;
    private static String targetId;

    @BeforeAll
    static void setUp(AdminClient admin) {
        fx = new OutboundFixture(admin, "outbound-mapping");
        String profilePath = "/admin/realms/" + fx.realm + "/users/profile";
        ObjectNode profile = (ObjectNode) admin.get(profilePath).json();
        profile.put("unmanagedAttributePolicy", "ENABLED");
        HttpResult updated = admin.put(profilePath, profile);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(admin.post("/admin/realms/" + fx.realm + "/roles", JSON.createObjectNode().put("name", "crm-admin"))
                .status()).isEqualTo(201);
        ObjectNode json = OutboundFixture.targetJson("mapped", fx.target.baseUrl());
        json.set("mapping", mapping());
        targetId = fx.registerTarget(json);
        fx.targetId = targetId;
    }

    @AfterAll
    static void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    static ObjectNode mapping() {
        ObjectNode mapping = JSON.createObjectNode().put("userName", "email").put("roles", "roles");
        ArrayNode rules = mapping.putArray("attributes");
        rules.addObject().put("source", "attribute:costCenter").put("path", ACME + ":costCenter");
        rules.addObject().put("source", "attribute:employeeNo").put("path", ENTERPRISE + ":employeeNumber");
        rules.addObject().put("source", "attribute:phone").put("path", "phoneNumbers[type eq \"work\"].value");
        rules.addObject().put("source", "username").put("path", "nickName");
        return mapping;
    }

    private static ObjectNode userRep(String username, String first, String last, String email, String costCenter) {
        ObjectNode rep = JSON.createObjectNode().put("username", username).put("enabled", true).put("firstName", first)
                .put("lastName", last).put("email", email);
        ObjectNode attributes = rep.putObject("attributes");
        attributes.putArray("costCenter").add(costCenter);
        attributes.putArray("employeeNo").add("E-7");
        attributes.putArray("phone").add("+1 555 0100");
        return rep;
    }

    private static String create(ObjectNode rep) {
        HttpResult created = fx.admin.post("/admin/realms/" + fx.realm + "/users", rep);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
    }

    private static JsonNode preview(String userId) {
        HttpResult preview = fx.admin.get(fx.targetPath(targetId) + "/preview?user=" + userId);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        return preview.json();
    }

    @Test
    void mappedAttributesArriveAtTheTarget() {
        String id = create(userRep("dora", "Dora", "Diaz", "dora@example.com", "CC-42"));
        await("dora on the target", () -> fx.target.users().findBy("userName", "dora@example.com") != null);
        List<RecordedRequest> posts = fx.target.requests(r -> r.is("POST", "/Users")
                && r.body().path("externalId").asText().equals(id));
        assertThat(posts).hasSize(1);
        ObjectNode expected = JSON.createObjectNode();
        expected.putArray("schemas").add(CORE).add(ACME).add(ENTERPRISE);
        expected.put("externalId", id).put("userName", "dora@example.com").put("active", true);
        expected.putObject("name").put("givenName", "Dora").put("familyName", "Diaz").put("formatted", "Dora Diaz");
        expected.put("displayName", "Dora Diaz");
        expected.putArray("emails").addObject().put("value", "dora@example.com").put("type", "work").put("primary", true);
        expected.putObject(ACME).put("costCenter", "CC-42");
        expected.putObject(ENTERPRISE).put("employeeNumber", "E-7");
        expected.putArray("phoneNumbers").addObject().put("type", "work").put("value", "+1 555 0100");
        expected.put("nickName", "dora");
        assertThat(posts.get(0).body()).isEqualTo(expected);
        JsonNode stored = fx.target.users().findBy("userName", "dora@example.com");
        assertThat(stored.path(ACME).path("costCenter").asText()).isEqualTo("CC-42");

        // A realm role granted later travels as roles, in a delta PATCH
        String remoteId = stored.get("id").asText();
        JsonNode role = fx.admin.get("/admin/realms/" + fx.realm + "/roles/crm-admin").json();
        assertThat(fx.admin.post("/admin/realms/" + fx.realm + "/users/" + id + "/role-mappings/realm",
                JSON.createArrayNode().add(role)).status()).isEqualTo(204);
        await("roles on the target", () -> fx.target.users().get(remoteId).path("roles").size() == 1);
        assertThat(fx.target.users().get(remoteId).path("roles").get(0).path("value").asText()).isEqualTo("crm-admin");
    }

    @Test
    void previewShowsExactlyWhatIsThenSent() {
        String id = create(userRep("finn", "Finn", "Fox", "finn@example.com", "CC-1"));
        await("finn on the target", () -> fx.target.users().findBy("userName", "finn@example.com") != null);
        fx.awaitIdle();
        String remoteId = fx.target.users().findBy("userName", "finn@example.com").get("id").asText();
        JsonNode unchanged = preview(id);
        assertThat(unchanged.path("operation").asText()).isEqualTo("none");
        assertThat(unchanged.path("inScope").asBoolean()).isTrue();
        assertThat(unchanged.path("linked").asBoolean()).isTrue();
        assertThat(unchanged.path("remoteId").asText()).isEqualTo(remoteId);
        assertThat(unchanged.has("request")).isFalse();

        // While the target is off, changes queue nothing for it; the preview still tells what a sync would send
        fx.setEnabled(targetId, false);
        ObjectNode changed = userRep("finn", "Finnegan", "Fox", "finn@example.com", "CC-2");
        fx.updateUser(id, changed);
        String gia = create(userRep("gia", "Gia", "Gold", "gia@example.com", "CC-3"));
        JsonNode update = preview(id);
        assertThat(update.path("operation").asText()).isEqualTo("update");
        assertThat(update.path("request").path("method").asText()).isEqualTo("PATCH");
        assertThat(update.path("request").path("path").asText()).isEqualTo("/Users/" + remoteId);
        assertThat(update.path("request").path("body").path("Operations").toString())
                .contains("name.givenName").contains("Finnegan").contains(ACME + ":costCenter").contains("CC-2");
        JsonNode creation = preview(gia);
        assertThat(creation.path("operation").asText()).isEqualTo("create");
        assertThat(creation.path("linked").asBoolean()).isFalse();
        assertThat(creation.path("request").path("method").asText()).isEqualTo("POST");
        assertThat(creation.path("request").path("path").asText()).isEqualTo("/Users");
        assertThat(creation.path("request").path("body")).isEqualTo(creation.path("resource"));

        fx.setEnabled(targetId, true);
        fx.updateUser(id, changed);
        fx.updateUser(gia, userRep("gia", "Gia", "Gold", "gia@example.com", "CC-3"));
        await("finn updated", () -> fx.target.requests(r -> r.is("PATCH", "/Users/" + remoteId)).size() == 1);
        await("gia created", () -> fx.target.users().findBy("userName", "gia@example.com") != null);
        assertThat(fx.target.requests(r -> r.is("PATCH", "/Users/" + remoteId)).get(0).body())
                .isEqualTo(update.path("request").path("body"));
        assertThat(fx.target.requests(r -> r.is("POST", "/Users") && r.body().path("externalId").asText().equals(gia))
                .get(0).body()).isEqualTo(creation.path("request").path("body"));
    }

    @Test
    void previewOfAnUnknownUserIs404AndWithoutUserIs400() {
        assertThat(fx.admin.get(fx.targetPath(targetId) + "/preview?user=nobody").status()).isEqualTo(404);
        assertThat(fx.admin.get(fx.targetPath(targetId) + "/preview").status()).isEqualTo(400);
    }

    @Test
    void invalidMappingsAreRejectedWithEveryProblem() {
        ObjectNode json = OutboundFixture.targetJson("bad-mapping", fx.target.baseUrl());
        ObjectNode mapping = json.putObject("mapping").put("userName", "lastName").put("roles", "badges");
        ArrayNode rules = mapping.putArray("attributes");
        rules.addObject().put("source", "attribute:x").put("path", "name.nope");
        rules.addObject().put("source", "firstName").put("path", "id");
        rules.addObject().put("source", "email").put("path", "emails.value");
        rules.addObject().put("source", "shoeSize").put("path", ENTERPRISE + ":shoeSize");
        HttpResult rejected = fx.admin.post(fx.targetsPath(), json);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().path("error").asText()).isEqualTo("invalid_target");
        List<String> errors = JSON.convertValue(rejected.json().get("errors"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(errors).containsExactlyInAnyOrder(
                "mapping.userName: must be username, email or attribute:<name>",
                "mapping.attributes[0].path: 'name.nope': name has no sub-attribute nope",
                "mapping.attributes[1].path: 'id': id is set by the provisioning itself",
                "mapping.attributes[2].path: 'emails.value': emails is multi-valued; write emails[type eq \"work\"].value",
                "mapping.attributes[3].source: 'shoeSize' must be one of username, email, firstName, lastName, enabled,"
                        + " id or attribute:<name>",
                "mapping.attributes[3].path: '" + ENTERPRISE + ":shoeSize': " + ENTERPRISE + " has no attribute shoeSize",
                "mapping.roles: must be one of none, roles, entitlements");
    }
}
