package dev.kcscim.client.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class TargetJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ComponentModel stored() throws Exception {
        List<String> problems = new ArrayList<>();
        ComponentModel model = TargetJson.toModel(json("""
                {"name":"crm","baseUrl":"https://crm/scim","auth":{"type":"oauth2_client_credentials",
                 "tokenUrl":"https://idp/token","clientId":"kc","clientSecret":"s3cret","scope":"scim"}}"""),
                "realm-1", null, problems);
        assertThat(problems).isEmpty();
        model.setId("t1");
        return model;
    }

    @Test
    void secretsAreMaskedAndOthersShown() throws Exception {
        JsonNode json = TargetJson.toJson(stored());
        assertThat(json.path("auth")).isEqualTo(json("""
                {"type":"oauth2_client_credentials","tokenUrl":"https://idp/token","clientId":"kc",
                 "clientSecret":"**********","scope":"scim"}""".replace("\n", "")));
        assertThat(json.toString()).doesNotContain("s3cret");
        assertThat(json.path("id").asText()).isEqualTo("t1");
        assertThat(json.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void vaultReferencesAreNotSecret() {
        assertThat(TargetJson.mask("token", "${vault.crm}")).isEqualTo("${vault.crm}");
        assertThat(TargetJson.mask("token", "abc")).isEqualTo("**********");
        assertThat(TargetJson.mask("clientId", "abc")).isEqualTo("abc");
    }

    @Test
    void maskSentBackKeepsTheStoredSecret() throws Exception {
        ComponentModel existing = stored();
        List<String> problems = new ArrayList<>();
        ComponentModel updated = TargetJson.toModel(TargetJson.toJson(existing), "realm-1", existing, problems);
        assertThat(problems).isEmpty();
        assertThat(updated.get("clientSecret")).isEqualTo("s3cret");
        assertThat(updated.getId()).isEqualTo("t1");
    }

    @Test
    void maskOnCreateIsAnError() throws Exception {
        List<String> problems = new ArrayList<>();
        TargetJson.toModel(json("{\"name\":\"x\",\"baseUrl\":\"https://x\",\"auth\":{\"type\":\"bearer\",\"token\":\"**********\"}}"),
                "realm-1", null, problems);
        assertThat(problems).containsExactly("auth.token: send the secret itself, not the mask");
    }

    @Test
    void shapeErrorsAreListed() throws Exception {
        List<String> problems = new ArrayList<>();
        TargetJson.toModel(json("{\"name\":1,\"colour\":\"red\",\"enabled\":\"yes\",\"auth\":\"bearer\"}"), "r", null,
                problems);
        assertThat(problems).containsExactlyInAnyOrder("colour: unknown member", "enabled: must be true or false",
                "auth: must be an object with a 'type'");
    }
}
