package dev.kcscim.client.targets;

import static dev.kcscim.client.targets.TargetConfigTest.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The settings of issue 7: source, orphan policy, sync interval, scope and mapping in the component config. */
class TargetSyncSettingsTest {

    private static Map<String, String> base(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("baseUrl", "https://crm.example.com/scim/v2",
                "authType", "bearer", "token", "t"));
        config.putAll(extra);
        return config;
    }

    @Test
    void defaults() {
        TargetConfig config = TargetConfig.of(model("crm", base(Map.of())));
        assertThat(config.source()).isNull();
        assertThat(config.orphanPolicy()).isEqualTo(TargetConfig.OrphanPolicy.REPORT);
        assertThat(config.syncIntervalSeconds()).isZero();
        assertThat(config.userScope()).isEqualTo(TargetScope.ALL);
        assertThat(config.mapping()).isEqualTo(AttributeMapping.DEFAULT);
    }

    @Test
    void readsTheSettings() {
        TargetConfig config = TargetConfig.of(model("crm", base(Map.of("source", " client:idp-sync ",
                "orphanPolicy", "adopt", "syncIntervalSeconds", "3600", "mapping", "{\"userName\":\"email\"}"))));
        assertThat(config.source()).isEqualTo("client:idp-sync");
        assertThat(config.orphanPolicy()).isEqualTo(TargetConfig.OrphanPolicy.ADOPT);
        assertThat(config.syncIntervalSeconds()).isEqualTo(3600);
        assertThat(config.mapping().userName().property()).isEqualTo("email");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Map.of("source", "idp-sync"), "source: must be token:<provisioning token id> or client:<clientId>"),
                Arguments.of(Map.of("source", "client:"), "source: must be token:<provisioning token id> or client:<clientId>"),
                Arguments.of(Map.of("orphanPolicy", "delete"), "orphanPolicy: must be one of report, adopt, deactivate"),
                Arguments.of(Map.of("syncIntervalSeconds", "2"), "syncIntervalSeconds: must be 0 (off) or at least 5"),
                Arguments.of(Map.of("syncIntervalSeconds", "-1"), "syncIntervalSeconds: must be between 0 and 2678400"),
                Arguments.of(Map.of("syncIntervalSeconds", "soon"), "syncIntervalSeconds: must be an integer"),
                Arguments.of(Map.of("mapping", "{"), "mapping: is not valid JSON"),
                Arguments.of(Map.of("mapping", "{\"roles\":\"x\"}"), "mapping.roles: must be one of none, roles, entitlements"),
                Arguments.of(Map.of("scopeUsers", "role"), "scope.users.role: is required"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidSettings(Map<String, String> extra, String problem) {
        assertThat(TargetConfig.problems(model("crm", base(extra)))).containsExactly(problem);
    }

    @Test
    void validSettingsHaveNoProblems() {
        assertThat(TargetConfig.problems(model("crm", base(Map.of("source", "token:4f1c", "orphanPolicy", "deactivate",
                "syncIntervalSeconds", "5", "scopeUsers", "organization", "scopeOrganization", "org-1"))))).isEmpty();
    }
}
