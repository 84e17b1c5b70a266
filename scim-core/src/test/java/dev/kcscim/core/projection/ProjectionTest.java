package dev.kcscim.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.json.ScimJson;
import dev.kcscim.core.schema.AttributeDefinition;
import dev.kcscim.core.schema.AttributeType;
import dev.kcscim.core.schema.CoreSchemas;
import dev.kcscim.core.schema.ResourceSchema;
import dev.kcscim.core.schema.Returned;
import dev.kcscim.core.schema.SchemaDefinition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** attributes / excludedAttributes (RFC 7644 §3.4.2.5, §3.9) against the returned characteristic. */
class ProjectionTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String EXT = "urn:acme:params:scim:schemas:extension:hr:1.0:User";

    private static final ResourceSchema SCHEMA = CoreSchemas.USER_RESOURCE.withExtension(new SchemaDefinition(EXT, "Hr", "",
            List.of(AttributeDefinition.builder("badge", AttributeType.STRING).returned(Returned.REQUEST).build(),
                    AttributeDefinition.builder("pin", AttributeType.STRING).returned(Returned.NEVER).build(),
                    AttributeDefinition.builder("level", AttributeType.INTEGER).build())), false);

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],"id":"u1","externalId":"e1",
             "userName":"bjensen","password":"secret","active":true,
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "emails":[{"value":"b@x.com","type":"work","primary":true},{"value":"b@y.org","type":"home"}],
             "groups":[],"x-vendor":"kept by default",
             "meta":{"resourceType":"User","location":"https://h/Users/u1"},
             "%s":{"employeeNumber":"701984","manager":{"value":"m1","displayName":"Boss"}},
             "%s":{"badge":"B-7","pin":"1234","level":3}}""".formatted(ENT, EXT, ENT, EXT);

    private static final String SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENT + "\",\"" + EXT + "\"]";

    static Stream<Arguments> projections() {
        return Stream.of(
                Arguments.of(null, null, """
                        {%s,"id":"u1","externalId":"e1","userName":"bjensen","active":true,
                         "name":{"givenName":"Barbara","familyName":"Jensen"},
                         "emails":[{"value":"b@x.com","type":"work","primary":true},{"value":"b@y.org","type":"home"}],
                         "groups":[],"x-vendor":"kept by default","meta":{"resourceType":"User","location":"https://h/Users/u1"},
                         "%s":{"employeeNumber":"701984","manager":{"value":"m1","displayName":"Boss"}},
                         "%s":{"level":3}}"""),
                Arguments.of("userName", null, "{%s,\"id\":\"u1\",\"userName\":\"bjensen\"}"),
                Arguments.of("USERNAME, name.givenName", null,
                        "{%s,\"id\":\"u1\",\"userName\":\"bjensen\",\"name\":{\"givenName\":\"Barbara\"}}"),
                Arguments.of("emails.value", null,
                        "{%s,\"id\":\"u1\",\"emails\":[{\"value\":\"b@x.com\"},{\"value\":\"b@y.org\"}]}"),
                Arguments.of("emails", null, """
                        {%s,"id":"u1","emails":[{"value":"b@x.com","type":"work","primary":true},{"value":"b@y.org","type":"home"}]}"""),
                Arguments.of("password,id,schemas", null, "{%s,\"id\":\"u1\"}"),
                Arguments.of(ENT + ":manager.value", null, "{%s,\"id\":\"u1\",\"%s\":{\"manager\":{\"value\":\"m1\"}}}"),
                Arguments.of("manager", null, "{%s,\"id\":\"u1\",\"%s\":{\"manager\":{\"value\":\"m1\",\"displayName\":\"Boss\"}}}"),
                Arguments.of(ENT, null, "{%s,\"id\":\"u1\",\"%s\":{\"employeeNumber\":\"701984\",\"manager\":{\"value\":\"m1\",\"displayName\":\"Boss\"}}}"),
                Arguments.of(EXT + ":badge", null, "{%s,\"id\":\"u1\",\"%%s\":{\"badge\":\"B-7\"}}".replace("%%s", EXT)),
                Arguments.of("meta.resourceType,nosuch,name.nosuch", null, "{%s,\"id\":\"u1\",\"meta\":{\"resourceType\":\"User\"}}"),
                Arguments.of(null, "emails,name.familyName,id,meta,x-vendor," + ENT + ":employeeNumber", """
                        {%s,"id":"u1","externalId":"e1","userName":"bjensen","active":true,
                         "name":{"givenName":"Barbara"},"groups":[],
                         "%s":{"manager":{"value":"m1","displayName":"Boss"}},"%s":{"level":3}}"""),
                Arguments.of(null, "manager.displayName,urn:acme:params:scim:schemas:extension:hr:1.0:User", """
                        {%s,"id":"u1","externalId":"e1","userName":"bjensen","active":true,
                         "name":{"givenName":"Barbara","familyName":"Jensen"},
                         "emails":[{"value":"b@x.com","type":"work","primary":true},{"value":"b@y.org","type":"home"}],
                         "groups":[],"x-vendor":"kept by default","meta":{"resourceType":"User","location":"https://h/Users/u1"},
                         "%s":{"employeeNumber":"701984","manager":{"value":"m1"}}}"""),
                Arguments.of("userName", "userName", "{%s,\"id\":\"u1\",\"userName\":\"bjensen\"}"));
    }

    @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
    @MethodSource("projections")
    void projects(String attributes, String excludedAttributes, String expected) throws JsonProcessingException {
        ObjectNode user = (ObjectNode) json(USER);
        ObjectNode projected = Projection.parse(attributes, excludedAttributes).apply(user, SCHEMA);
        assertThat(projected).isEqualTo(json(expected.formatted(SCHEMAS, ENT, EXT)));
        assertThat(user).as("input untouched").isEqualTo(json(USER));
    }

    @Test
    void groupMembersCanBeExcludedAsEntraAsks() throws JsonProcessingException {
        JsonNode group = json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Admins",
                 "members":[{"value":"u1","display":"B"}]}""");
        assertThat(Projection.parse(null, "members").apply(group, CoreSchemas.GROUP_RESOURCE)).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"Admins"}"""));
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return ScimJson.mapper().readTree(text);
    }
}
