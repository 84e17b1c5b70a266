package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OutboundMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fullUser() throws Exception {
        ObjectNode user = OutboundMapper.user("kc-1", "bjensen", true, "Barbara", "Jensen", "bjensen@example.com");
        assertThat(user).isEqualTo(JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"kc-1","userName":"bjensen",
                 "active":true,"name":{"givenName":"Barbara","familyName":"Jensen","formatted":"Barbara Jensen"},
                 "displayName":"Barbara Jensen",
                 "emails":[{"value":"bjensen@example.com","type":"work","primary":true}]}"""));
    }

    @Test
    void minimalDisabledUserHasNoEmptyAttributes() throws Exception {
        ObjectNode user = OutboundMapper.user("kc-2", "x", false, null, " ", null);
        assertThat(user).isEqualTo(JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"kc-2","userName":"x",
                 "active":false}"""));
        assertThat(user.has("id")).isFalse();
    }

    @Test
    void familyNameOnly() {
        ObjectNode user = OutboundMapper.user("kc-3", "y", true, null, "Smith", null);
        assertThat(user.path("displayName").asText()).isEqualTo("Smith");
        assertThat(user.path("name").has("givenName")).isFalse();
    }

    @Test
    void groupCarriesNoMembers() throws Exception {
        assertThat(OutboundMapper.group("g-1", "Engineering")).isEqualTo(JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"g-1",
                 "displayName":"Engineering"}"""));
    }
}
