package dev.kcscim.client.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AttributeMapping parse(String json, List<String> problems) throws Exception {
        return AttributeMapping.parse(JSON.readTree(json), problems);
    }

    @Test
    void parsesAndPrintsAMapping() throws Exception {
        List<String> problems = new ArrayList<>();
        AttributeMapping mapping = parse("{\"userName\":\"attribute:login\",\"roles\":\"entitlements\","
                + "\"attributes\":[{\"source\":\"FirstName\",\"path\":\"nickName\"},"
                + "{\"source\":\"attribute:cc\",\"path\":\"urn:acme:x:User:costCenter\"}]}", problems);
        assertThat(problems).isEmpty();
        assertThat(mapping.userName()).isEqualTo(new AttributeMapping.Source(null, "login"));
        assertThat(mapping.roles()).isEqualTo(AttributeMapping.MultiTarget.ENTITLEMENTS);
        assertThat(mapping.groups()).isEqualTo(AttributeMapping.MultiTarget.NONE);
        assertThat(mapping.rules()).hasSize(2);
        assertThat(mapping.rules().get(0).source().property()).isEqualTo("firstname");
        assertThat(mapping.toJson().toString()).isEqualTo("{\"userName\":\"attribute:login\",\"attributes\":["
                + "{\"source\":\"firstName\",\"path\":\"nickName\"},{\"source\":\"attribute:cc\","
                + "\"path\":\"urn:acme:x:User:costCenter\"}],\"roles\":\"entitlements\",\"groups\":\"none\"}");
        assertThat(AttributeMapping.of(mapping.toJson().toString())).isEqualTo(mapping);
    }

    @Test
    void absentOrUnreadableIsTheDefault() {
        assertThat(AttributeMapping.of(null)).isEqualTo(AttributeMapping.DEFAULT);
        assertThat(AttributeMapping.of("not json")).isEqualTo(AttributeMapping.DEFAULT);
        assertThat(AttributeMapping.DEFAULT.userName().property()).isEqualTo("username");
    }

    @Test
    void reportsEveryProblemWithItsField() throws Exception {
        List<String> problems = new ArrayList<>();
        parse("{\"userName\":\"enabled\",\"extra\":1,\"groups\":true,\"attributes\":[7,"
                + "{\"source\":\"attribute:\",\"path\":\"title\"},{\"source\":\"email\",\"path\":\"title\"},"
                + "{\"source\":\"email\",\"path\":\"title\"}]}", problems);
        assertThat(problems).containsExactly(
                "mapping.extra: unknown member (userName, attributes, roles, groups)",
                "mapping.userName: must be username, email or attribute:<name>",
                "mapping.attributes[0]: must be an object with source and path",
                "mapping.attributes[1].source: 'attribute:': name the attribute after 'attribute:'",
                "mapping.attributes[3].path: 'title' is mapped twice",
                "mapping.groups: must be one of none, roles, entitlements");
    }

    @Test
    void attributesMustBeAnArray() throws Exception {
        List<String> problems = new ArrayList<>();
        parse("{\"attributes\":{}}", problems);
        assertThat(problems).containsExactly("mapping.attributes: must be an array of {\"source\", \"path\"}");
    }
}
