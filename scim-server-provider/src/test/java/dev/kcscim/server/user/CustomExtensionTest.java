package dev.kcscim.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.json.ScimJson;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CustomExtensionTest {

    static final String URN = "urn:example:ext:1.0:User";

    static CustomExtension read(String json) throws Exception {
        return CustomExtension.fromJson(ScimJson.mapper().readTree(json.replace('\'', '"')));
    }

    @Test
    void readsAttributesAndTheirKeycloakNames() throws Exception {
        CustomExtension extension = read("{'id':'" + URN + "','attributes':[{'name':'deptCode','type':'string',"
                + "'keycloakAttribute':'acme_dept'},{'name':'level','type':'integer'}]}");

        assertThat(extension.schema().id()).isEqualTo(URN);
        assertThat(extension.attributes()).isEqualTo(Map.of("deptCode", "acme_dept", "level", "level"));
        assertThat(extension.toJson().path("attributes").get(0).path("keycloakAttribute").asText()).isEqualTo("acme_dept");
        assertThat(read(extension.toJson().toString()).attributes()).isEqualTo(extension.attributes());
    }

    static Stream<String> invalid() {
        return Stream.of(
                "{'id':'urn:ietf:params:scim:schemas:core:2.0:User','attributes':[{'name':'a','type':'string'}]}",
                "{'id':'not-a-urn','attributes':[{'name':'a','type':'string'}]}",
                "{'id':'" + URN + "','attributes':[]}",
                "{'id':'" + URN + "','attributes':[{'name':'a','type':'complex','subAttributes':[{'name':'b','type':'string'}]}]}",
                "{'id':'" + URN + "','attributes':[{'name':'a','type':'string','keycloakAttribute':'email'}]}",
                "{'id':'" + URN + "','attributes':[{'name':'a','type':'string','keycloakAttribute':'kcscim.userName'}]}");
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidDefinitionsWith400(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
