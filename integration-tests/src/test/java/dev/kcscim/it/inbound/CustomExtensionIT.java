package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static dev.kcscim.testsupport.scim.ScimTestClient.patchOps;
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
 * A realm's own SCIM user extension (issue 4): its attributes map to Keycloak user attributes, appear in
 * {@code /Schemas} and {@code /ResourceTypes}, and are writable, patchable and filterable like core ones.
 * The definition is set through {@code PUT /admin/realms/{realm}/scim-provisioning/user-extension}.
 */
@KeycloakIntegrationTest
class CustomExtensionIT {

    static final String URN = "urn:example:params:scim:schemas:extension:acme:2.0:User";

    static ScimRealm realm;
    static ScimTestClient scim;
    static AdminClient admin;

    @BeforeAll
    static void defineExtension(KeycloakServer server, AdminClient adminClient) {
        admin = adminClient;
        realm = ScimRealm.create(server, adminClient, "custom");
        scim = realm.scim();
        String definition = json("{'id':'" + URN + "','name':'AcmeUser','attributes':["
                + "{'name':'deptCode','type':'string','keycloakAttribute':'acme_dept'},"
                + "{'name':'jobRoles','type':'string','multiValued':true,'keycloakAttribute':'acme_roles'},"
                + "{'name':'regionalTag','type':'string','caseExact':true}]}").toString();
        HttpResult updated = admin.put(realm.adminPath("/scim-provisioning/user-extension"), definition);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static String create(String userName, String dept, String tag) {
        HttpResult created = scim.post("/Users", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + URN + "'],"
                + "'userName':'" + userName + "','" + URN + "':{'deptCode':'" + dept + "','jobRoles':['dev','ops'],"
                + "'regionalTag':'" + tag + "'}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void isDiscoverable() {
        JsonNode schemas = TestHttp.get(scim.baseUrl() + "/Schemas", null).json();
        JsonNode type = TestHttp.get(scim.baseUrl() + "/ResourceTypes/User", null).json();

        assertThat(schemas.path("totalResults").asInt()).isEqualTo(4);
        assertThat(schemas.toString()).contains(URN, "deptCode", "jobRoles");
        assertThat(type.path("schemaExtensions").toString()).contains(URN);
    }

    @Test
    void storesReturnsPatchesAndFiltersTheValues() {
        String id = create("custom.one", "D-17", "EMEA");
        create("custom.two", "D-18", "apac");

        JsonNode user = scim.get("/Users/" + id).json();
        assertThat(user.path("schemas").toString()).contains(URN);
        assertThat(user.path(URN).path("deptCode").asText()).isEqualTo("D-17");
        assertThat(user.path(URN).path("jobRoles").toString()).isEqualTo("[\"dev\",\"ops\"]");
        JsonNode stored = admin.get(realm.adminPath("/users?q=acme_dept:D-17")).json();
        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.get(0).path("id").asText()).isEqualTo(id);

        assertThat(scim.get("/Users?filter=" + TestHttp.encode(URN + ":deptCode eq \"d-17\"")).json()
                .path("totalResults").asInt()).isEqualTo(1);
        assertThat(scim.get("/Users?filter=" + TestHttp.encode("regionalTag eq \"emea\"")).json()
                .path("totalResults").asInt()).isZero();
        assertThat(scim.get("/Users?filter=" + TestHttp.encode("jobRoles eq \"ops\"")).json()
                .path("totalResults").asInt()).isEqualTo(2);

        HttpResult patched = scim.patch("/Users/" + id, patchOps(
                "{'op':'replace','path':'" + URN + ":deptCode','value':'D-99'}",
                "{'op':'add','path':'" + URN + ":jobRoles','value':['qa']}",
                "{'op':'remove','path':'" + URN + ":regionalTag'}"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode after = scim.get("/Users/" + id).json().path(URN);
        assertThat(after.path("deptCode").asText()).isEqualTo("D-99");
        assertThat(after.path("jobRoles").toString()).isEqualTo("[\"dev\",\"ops\",\"qa\"]");
        assertThat(after.has("regionalTag")).isFalse();
    }
}
