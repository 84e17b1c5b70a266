package dev.kcscim.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import dev.kcscim.core.filter.Filter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Attribute paths (RFC 7644 §3.10) and PATCH paths (RFC 7644 §3.5.2). */
class AttributePathTest {

    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("userName", new AttributePath(null, "userName", null)),
                Arguments.of("name.givenName", new AttributePath(null, "name", "givenName")),
                Arguments.of("NAME.GIVENNAME", new AttributePath(null, "NAME", "GIVENNAME")),
                Arguments.of("members.$ref", new AttributePath(null, "members", "$ref")),
                Arguments.of("x-custom_1", new AttributePath(null, "x-custom_1", null)),
                Arguments.of(ENT + ":manager", new AttributePath(ENT, "manager", null)),
                Arguments.of(ENT + ":manager.value", new AttributePath(ENT, "manager", "value")),
                Arguments.of(ENT.toUpperCase() + ":manager.value", new AttributePath(ENT, "manager", "value")),
                Arguments.of(USER + ":name.familyName", new AttributePath(USER, "name", "familyName")),
                Arguments.of("urn:acme:scim:ext:1.0:User:badge.code", new AttributePath("urn:acme:scim:ext:1.0:User", "badge", "code")),
                Arguments.of("urn:acme:badge", new AttributePath("urn:acme", "badge", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void parses(String text, AttributePath expected) {
        AttributePath path = AttributePath.parse(text);
        assertThat(path).isEqualTo(expected);
        assertThat(AttributePath.parse(path.toString())).isEqualTo(path);
    }

    static Stream<Arguments> invalidPaths() {
        return Stream.of("", "1abc", "a.", ".a", "a..b", "a.b.c", "a b", "a[", "urn:x:", "urn:", ENT, ENT.toLowerCase(),
                "name.given-Name.x", "é").map(Arguments::of);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalidPaths")
    void rejectsWithInvalidPath(String text) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> AttributePath.parse(text));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_PATH);
    }

    static Stream<Arguments> patchPaths() {
        return Stream.of(
                Arguments.of("members", new PatchPath(AttributePath.of("members"), null, null)),
                Arguments.of("name.familyName", new PatchPath(AttributePath.of("name.familyName"), null, null)),
                Arguments.of("emails[type eq \"work\"].value",
                        new PatchPath(AttributePath.of("emails"), Filter.eq("type", "work"), "value")),
                Arguments.of("members[value eq \"2819c223\"]",
                        new PatchPath(AttributePath.of("members"), Filter.eq("value", "2819c223"), null)),
                Arguments.of("emails[value ew \"]\" and type eq \"a[b\"].display",
                        new PatchPath(AttributePath.of("emails"), Filter.and(Filter.ew("value", "]"), Filter.eq("type", "a[b")), "display")),
                Arguments.of(ENT + ":manager.value", new PatchPath(new AttributePath(ENT, "manager", "value"), null, null)),
                Arguments.of(USER + ":emails[type eq \"work\"].value",
                        new PatchPath(new AttributePath(USER, "emails", null), Filter.eq("type", "work"), "value")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchPaths")
    void parsesPatchPaths(String text, PatchPath expected) {
        PatchPath path = PatchPath.parse(text);
        assertThat(path).isEqualTo(expected);
        assertThat(PatchPath.parse(path.toString())).isEqualTo(path);
    }

    static Stream<Arguments> invalidPatchPaths() {
        return List.of("", " ", "emails[", "emails[type eq \"work\"", "emails[type eq]", "emails[type eq \"work\"]x",
                "emails[type eq \"work\"].", "emails[type eq \"work\"].a.b", "emails.value[type pr]", "[type pr]",
                "emails[type pr][value pr]").stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalidPatchPaths")
    void rejectsPatchPathsWithInvalidPath(String text) {
        ScimException error = catchThrowableOfType(ScimException.class, () -> PatchPath.parse(text));
        assertThat(error).isNotNull();
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.scimType()).isEqualTo(ScimType.INVALID_PATH);
    }
}
