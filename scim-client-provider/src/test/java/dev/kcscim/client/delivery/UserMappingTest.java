package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.core.diff.ResourceDiff;
import dev.kcscim.core.patch.PatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACME = "urn:acme:params:scim:schemas:extension:acme:2.0:User";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static AttributeMapping mapping(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        AttributeMapping mapping = AttributeMapping.parse(JSON.readTree(json), problems);
        assertThat(problems).isEmpty();
        return mapping;
    }

    private static ObjectNode apply(AttributeMapping mapping, Map<String, String> values, List<String> roles,
            List<String> groups) {
        ObjectNode base = OutboundMapper.user("kc-1", "dora", true, "Dora", "Diaz", "dora@example.com");
        return UserMapping.apply(base, mapping, source -> values.get(source.toString()), roles, groups);
    }

    @Test
    void theDefaultMappingIsTheDefaultRepresentation() {
        ObjectNode base = OutboundMapper.user("kc-1", "dora", true, "Dora", "Diaz", "dora@example.com");
        assertThat(UserMapping.apply(base, AttributeMapping.DEFAULT, s -> s.toString().equals("username") ? "dora" : null,
                List.of(), List.of())).isEqualTo(base);
    }

    @Test
    void mapsCoreEnterpriseCustomAndTypedPaths() throws Exception {
        AttributeMapping mapping = mapping("{\"userName\":\"email\",\"roles\":\"roles\",\"groups\":\"entitlements\","
                + "\"attributes\":[{\"source\":\"attribute:cc\",\"path\":\"" + ACME + ":costCenter\"},"
                + "{\"source\":\"attribute:no\",\"path\":\"" + ENT + ":employeeNumber\"},"
                + "{\"source\":\"attribute:phone\",\"path\":\"phoneNumbers[type eq \\\"work\\\"].value\"},"
                + "{\"source\":\"attribute:mobile\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\"},"
                + "{\"source\":\"attribute:unset\",\"path\":\"title\"},"
                + "{\"source\":\"attribute:vip\",\"path\":\"active\"}]}");
        ObjectNode json = apply(mapping, Map.of("email", "dora@example.com", "attribute:cc", "CC-1", "attribute:no", "7",
                "attribute:phone", "+1", "attribute:mobile", "+2", "attribute:vip", "false"),
                List.of("b-role", "a-role"), List.of("staff"));
        assertThat(json.path("userName").asText()).isEqualTo("dora@example.com");
        assertThat(json.path("schemas").toString()).isEqualTo("[\"urn:ietf:params:scim:schemas:core:2.0:User\",\""
                + ACME + "\",\"" + ENT + "\"]");
        assertThat(json.path(ACME).toString()).isEqualTo("{\"costCenter\":\"CC-1\"}");
        assertThat(json.path(ENT).toString()).isEqualTo("{\"employeeNumber\":\"7\"}");
        assertThat(json.path("phoneNumbers").toString())
                .isEqualTo("[{\"type\":\"work\",\"value\":\"+1\"},{\"type\":\"mobile\",\"value\":\"+2\"}]");
        assertThat(json.has("title")).isFalse();
        assertThat(json.path("active").isBoolean()).isTrue();
        assertThat(json.path("active").asBoolean()).isFalse();
        assertThat(json.path("roles").toString()).isEqualTo("[{\"value\":\"a-role\"},{\"value\":\"b-role\"}]");
        assertThat(json.path("entitlements").toString()).isEqualTo("[{\"value\":\"staff\"}]");
    }

    /** A custom URN attribute is diffed like any other, thanks to the mapping's schema. */
    @Test
    void customAttributesAreDiffed() throws Exception {
        AttributeMapping mapping = mapping("{\"attributes\":[{\"source\":\"attribute:cc\",\"path\":\"" + ACME
                + ":costCenter\"}]}");
        ObjectNode before = apply(mapping, Map.of("username", "dora", "attribute:cc", "CC-1"), List.of(), List.of());
        ObjectNode after = apply(mapping, Map.of("username", "dora", "attribute:cc", "CC-2"), List.of(), List.of());
        PatchRequest patch = ResourceDiff.diff(before, after, SyncPlan.schema(ResourceKind.USER,
                ScimSyncAgainstMockTest.configWith(mapping)));
        assertThat(patch.toJson().path("Operations").toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"" + ACME + ":costCenter\",\"value\":\"CC-2\"}]");
    }
}
