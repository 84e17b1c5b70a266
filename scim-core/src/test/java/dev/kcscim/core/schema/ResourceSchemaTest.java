package dev.kcscim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.core.path.AttributePath;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Path resolution against a resource type (RFC 7644 §3.10): schema, extension flag, attribute, sub. */
class ResourceSchemaTest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Each row: path, then "schema extension? attribute sub" or "none". */
    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("userName", USER + " false userName null"),
                Arguments.of("USERNAME", USER + " false userName null"),
                Arguments.of("name.GIVENNAME", USER + " false name givenName"),
                Arguments.of(USER + ":emails.value", USER + " false emails value"),
                Arguments.of("id", USER + " false id null"),
                Arguments.of(USER + ":meta.lastModified", USER + " false meta lastModified"),
                Arguments.of("schemas", USER + " false schemas null"),
                Arguments.of("manager", ENT + " true manager null"),
                Arguments.of("manager.value", ENT + " true manager value"),
                Arguments.of(ENT + ":employeeNumber", ENT + " true employeeNumber null"),
                Arguments.of(ENT.toUpperCase() + ":MANAGER.$REF", ENT + " true manager $ref"),
                Arguments.of(ENT + ":userName", "none"),
                Arguments.of(USER + ":employeeNumber", "none"),
                Arguments.of("urn:unknown:schema:x:userName", "none"),
                Arguments.of("name.nosuch", "none"),
                Arguments.of("userName.sub", "none"),
                Arguments.of("nosuch", "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void locates(String path, String expected) {
        String actual = CoreSchemas.USER_RESOURCE.locate(AttributePath.parse(path))
                .map(r -> r.schema().id() + " " + r.extension() + " " + r.attribute().name() + " "
                        + (r.subAttribute() == null ? null : r.subAttribute().name()))
                .orElse("none");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void withExtensionAddsOrReplacesTheSchemaAndDeclaresIt() {
        SchemaDefinition v1 = new SchemaDefinition("urn:acme:x", "X", "", List.of(
                AttributeDefinition.builder("badge", AttributeType.STRING).build()));
        SchemaDefinition v2 = new SchemaDefinition("urn:acme:x", "X", "", List.of(
                AttributeDefinition.builder("level", AttributeType.INTEGER).build()));
        ResourceSchema schema = CoreSchemas.USER_RESOURCE.withExtension(v1, false).withExtension(v2, true);
        assertThat(schema.schemaUrns()).containsExactly(USER, ENT, "urn:acme:x");
        assertThat(schema.resourceType().schemaExtensions())
                .containsExactly(new SchemaExtension(ENT, false), new SchemaExtension("urn:acme:x", true));
        assertThat(schema.resolve(AttributePath.parse("urn:acme:x:level"))).isPresent();
        assertThat(schema.resolve(AttributePath.parse("badge"))).isEmpty();
        assertThat(schema.schema("URN:ACME:X")).contains(v2);
        assertThat(CoreSchemas.USER_RESOURCE.extensions()).containsExactly(CoreSchemas.ENTERPRISE_USER);
    }
}
