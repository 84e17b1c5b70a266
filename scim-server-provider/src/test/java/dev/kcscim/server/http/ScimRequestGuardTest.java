package dev.kcscim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.core.error.ScimException;
import dev.kcscim.core.error.ScimType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimRequestGuardTest {

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(Map.of("filter", List.of("userName eq \"a\"")), null),
                Arguments.of(Map.of("filter", List.of("userName eq \"a\tb\"")), null),
                Arguments.of(Map.of("filter", List.of("\u0000 eq \"a\"")), ScimType.INVALID_FILTER),
                Arguments.of(Map.of("filter", List.of("userName eq \"\u001b[31m\"")), ScimType.INVALID_FILTER),
                Arguments.of(Map.of("attributes", List.of("userName\u0001")), ScimType.INVALID_VALUE),
                Arguments.of(Map.of("count", List.of("10"), "sortBy", List.of("name\u0000")), ScimType.INVALID_VALUE));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void controlCharactersInQueryParametersAreScimErrors(Map<String, List<String>> query, ScimType expected) {
        ScimException error = ScimRequestGuard.badQuery(query);
        if (expected == null) {
            assertThat(error).isNull();
        } else {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.scimType()).isEqualTo(expected);
        }
    }

    @Test
    void guardsRealmAndOrganizationScimPathsOnly() {
        assertThat(ScimRequestGuard.isScimPath("/realms/r/scim-provisioning/v2/Users")).isTrue();
        assertThat(
                ScimRequestGuard.isScimPath("/realms/r/scim-provisioning/organizations/acme/v2/Users")).isTrue();
        assertThat(ScimRequestGuard.isScimPath("/realms/r/scim-provisioning/admin-ui/")).isFalse();
        assertThat(
                ScimRequestGuard.isScimPath("/realms/r/scim-provisioning/organizations/acme/other")).isFalse();
        assertThat(ScimRequestGuard.isScimPath("/admin/realms/r/users")).isFalse();
    }
}
