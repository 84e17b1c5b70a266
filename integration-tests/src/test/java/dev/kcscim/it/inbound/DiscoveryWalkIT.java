package dev.kcscim.it.inbound;

import static dev.kcscim.testsupport.scim.ScimTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;
import dev.kcscim.testsupport.KeycloakIntegrationTest;
import dev.kcscim.testsupport.KeycloakServer;
import dev.kcscim.testsupport.TestHttp;
import dev.kcscim.testsupport.scim.ScimRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery is complete and accurate (RFC 7643 §5-§7, RFC 7644 §4, RFC 9865 §4): every schema a resource type
 * names is served with every attribute characteristic, the realm's custom extension included, and the
 * ServiceProviderConfig advertises the limits the server enforces (default options).
 */
@KeycloakIntegrationTest
class DiscoveryWalkIT {

    static final String CUSTOM = "urn:example:params:scim:schemas:extension:walk:2.0:User";
    static final Set<String> TYPES = Set.of("string", "boolean", "decimal", "integer", "dateTime", "binary", "reference", "complex");

    static ScimRealm realm;
    static String base;

    @BeforeAll
    static void createRealm(KeycloakServer server, AdminClient admin) {
        realm = ScimRealm.create(server, admin, "walk");
        base = server.scimBaseUrl(realm.name());
        String definition = json("{'id':'" + CUSTOM + "','name':'WalkUser',"
                + "'attributes':[{'name':'costCode','type':'string','description':'Cost code'}]}").toString();
        HttpResult updated = admin.put(realm.adminPath("/scim-provisioning/user-extension"), definition);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    @AfterAll
    static void deleteRealm() {
        realm.delete();
    }

    static void assertListEnvelope(JsonNode list) {
        assertThat(list.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.path("totalResults").asInt()).isEqualTo(list.path("Resources").size());
        assertThat(list.path("itemsPerPage").asInt()).isEqualTo(list.path("Resources").size());
        assertThat(list.path("startIndex").asInt()).isEqualTo(1);
    }

    static void assertCharacteristics(String where, JsonNode attribute, boolean sub) {
        String at = where + "." + attribute.path("name").asText();
        for (String field : List.of("name", "type", "description", "mutability", "returned", "uniqueness")) {
            assertThat(attribute.path(field).isTextual()).as(at + " " + field).isTrue();
        }
        for (String field : List.of("multiValued", "required", "caseExact")) {
            assertThat(attribute.path(field).isBoolean()).as(at + " " + field).isTrue();
        }
        assertThat(attribute.path("canonicalValues").isArray()).as(at + " canonicalValues").isTrue();
        assertThat(attribute.path("referenceTypes").isArray()).as(at + " referenceTypes").isTrue();
        assertThat(TYPES).as(at).contains(attribute.path("type").asText());
        assertThat(Set.of("readOnly", "readWrite", "immutable", "writeOnly")).contains(attribute.path("mutability").asText());
        assertThat(Set.of("always", "never", "default", "request")).contains(attribute.path("returned").asText());
        assertThat(Set.of("none", "server", "global")).contains(attribute.path("uniqueness").asText());
        if (attribute.path("type").asText().equals("complex")) {
            assertThat(sub).as(at + " nested complex").isFalse();
            assertThat(attribute.path("subAttributes").size()).as(at + " subAttributes").isPositive();
            attribute.path("subAttributes").forEach(child -> assertCharacteristics(at, child, true));
        }
        if (attribute.path("type").asText().equals("reference")) {
            assertThat(attribute.path("referenceTypes").size()).as(at + " referenceTypes").isPositive();
        }
    }

    @Test
    void everySchemaNamedByAResourceTypeIsServedWithEveryCharacteristic() {
        HttpResult typesResult = TestHttp.get(base + "/ResourceTypes", null);
        JsonNode types = typesResult.json();
        assertListEnvelope(types);
        List<String> urns = new ArrayList<>();
        for (JsonNode type : types.path("Resources")) {
            JsonNode single = TestHttp.get(base + "/ResourceTypes/" + type.path("id").asText(), null).json();
            assertThat(single).isEqualTo(type);
            urns.add(type.path("schema").asText());
            type.path("schemaExtensions").forEach(e -> urns.add(e.path("schema").asText()));
        }
        assertThat(urns).contains(CUSTOM, "urn:ietf:params:scim:schemas:core:2.0:Group");
        JsonNode schemas = TestHttp.get(base + "/Schemas", null).json();
        assertListEnvelope(schemas);
        List<String> served = new ArrayList<>();
        schemas.path("Resources").forEach(s -> served.add(s.path("id").asText()));
        assertThat(served).containsExactlyInAnyOrderElementsOf(urns);
        for (String urn : urns) {
            HttpResult result = TestHttp.get(base + "/Schemas/" + urn, null);
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            JsonNode schema = result.json();
            assertThat(schema.path("id").asText()).isEqualTo(urn);
            assertThat(schema.path("meta").path("location").asText()).isEqualTo(base + "/Schemas/" + urn);
            assertThat(schema.path("attributes").size()).isPositive();
            schema.path("attributes").forEach(attribute -> assertCharacteristics(urn, attribute, false));
        }
        JsonNode custom = TestHttp.get(base + "/Schemas/" + CUSTOM, null).json().path("attributes").get(0);
        assertThat(custom.path("name").asText()).isEqualTo("costCode");
        assertThat(custom.path("description").asText()).isEqualTo("Cost code");
    }

    @Test
    void canonicalValuesAndReferenceTypesAreFilledWhereTheRfcHasThem() {
        JsonNode user = TestHttp.get(base + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null).json();
        JsonNode emails = null;
        JsonNode groups = null;
        for (JsonNode attribute : user.path("attributes")) {
            if (attribute.path("name").asText().equals("emails")) {
                emails = attribute;
            }
            if (attribute.path("name").asText().equals("groups")) {
                groups = attribute;
            }
        }
        assertThat(emails).isNotNull();
        assertThat(emails.path("subAttributes").findValuesAsText("name")).contains("value", "type", "primary", "display");
        List<String> canonical = new ArrayList<>();
        emails.path("subAttributes").forEach(s -> {
            if (s.path("name").asText().equals("type")) {
                s.path("canonicalValues").forEach(v -> canonical.add(v.asText()));
            }
        });
        assertThat(canonical).contains("work", "home", "other");
        assertThat(groups.path("mutability").asText()).isEqualTo("readOnly");
    }

    @Test
    void theServiceProviderConfigAdvertisesTheEnforcedLimits() {
        HttpResult result = TestHttp.get(base + "/ServiceProviderConfig", null);
        JsonNode config = result.json();

        assertThat(result.status()).isEqualTo(200);
        assertThat(config.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("maxOperations").asInt()).isEqualTo(1000);
        assertThat(config.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(1_048_576);
        assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(1000);
        assertThat(config.path("sort").path("supported").asBoolean()).isTrue();
        assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(config.path("changePassword").path("supported").asBoolean()).isTrue();
        JsonNode pagination = config.path("pagination");
        assertThat(pagination.path("cursor").asBoolean()).isTrue();
        assertThat(pagination.path("index").asBoolean()).isTrue();
        assertThat(pagination.path("defaultPaginationMethod").asText()).isEqualTo("index");
        assertThat(pagination.path("defaultPageSize").asInt()).isEqualTo(1000);
        assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(1000);
        assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(3600);
        assertThat(config.path("authenticationSchemes").size()).isPositive();
        assertThat(config.path("meta").path("location").asText()).isEqualTo(base + "/ServiceProviderConfig");
        assertThat(config.path("meta").path("resourceType").asText()).isEqualTo("ServiceProviderConfig");
    }
}
