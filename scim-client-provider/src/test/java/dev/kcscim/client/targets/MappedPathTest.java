package dev.kcscim.client.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MappedPathTest {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String ACME = "urn:acme:params:scim:schemas:extension:acme:2.0:User";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("title", CORE, "title", null, null, false),
                Arguments.of("name.middleName", CORE, "name", "middleName", null, false),
                Arguments.of("phoneNumbers[type eq \"work\"].value", CORE, "phoneNumbers", "value", "work", false),
                Arguments.of(CORE + ":nickName", CORE, "nickName", null, null, false),
                Arguments.of(ENT + ":employeeNumber", ENT, "employeeNumber", null, null, false),
                Arguments.of(ENT + ":manager.value", ENT, "manager", "value", null, false),
                Arguments.of(ACME + ":costCenter", ACME, "costCenter", null, null, true),
                Arguments.of(ACME + ":badge.color", ACME, "badge", "color", null, true));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesValidPaths(String text, String urn, String name, String sub, String type, boolean custom) {
        MappedPath path = MappedPath.parse(text);
        assertThat(path.urn()).isEqualTo(urn);
        assertThat(path.name()).isEqualTo(name);
        assertThat(path.sub()).isEqualTo(sub);
        assertThat(path.typeFilter()).isEqualTo(type);
        assertThat(path.custom()).isEqualTo(custom);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "is required"),
                Arguments.of("name.nope", "'name.nope': name has no sub-attribute nope"),
                Arguments.of("name", "'name': name is complex; name a sub-attribute"),
                Arguments.of("title.x", "'title.x': title has no sub-attributes"),
                Arguments.of("emails.value", "'emails.value': emails is multi-valued; write emails[type eq \"work\"].value"),
                Arguments.of("title[type eq \"work\"].value", "'title[type eq \"work\"].value': title is single-valued;"
                        + " [type eq ...] does not apply"),
                Arguments.of("id", "'id': id is set by the provisioning itself"),
                Arguments.of("userName", "'userName': userName is set by the provisioning itself"),
                Arguments.of("groups", "'groups': groups is set by the provisioning itself"),
                Arguments.of("shoeSize", "'shoeSize': " + CORE + " has no attribute shoeSize"),
                Arguments.of(ENT + ":shoeSize", "'" + ENT + ":shoeSize': " + ENT + " has no attribute shoeSize"),
                Arguments.of(ENT + ":manager.displayName", "'" + ENT + ":manager.displayName': manager.displayName is read-only"),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
                        "'urn:ietf:params:scim:schemas:core:2.0:Group:displayName': schema"
                                + " urn:ietf:params:scim:schemas:core:2.0:Group is not a User schema"),
                Arguments.of(ACME + ":x[type eq \"a\"].v", "'" + ACME + ":x[type eq \"a\"].v': [type eq ...] is only for the"
                        + " core schema's multi-valued attributes"),
                Arguments.of("not a path", "'not a path' is not a SCIM attribute path (attr, attr.sub, attr[type eq \"x\"].sub,"
                        + " optionally prefixed by a schema URN)"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidPathsSayingWhy(String text, String message) {
        assertThatThrownBy(() -> MappedPath.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void printsBackToAnEquivalentPath(String text, String urn, String name, String sub, String type, boolean custom) {
        assertThat(MappedPath.parse(MappedPath.parse(text).toString())).isEqualTo(MappedPath.parse(text));
    }
}
