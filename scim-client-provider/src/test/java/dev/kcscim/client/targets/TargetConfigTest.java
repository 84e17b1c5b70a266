package dev.kcscim.client.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

class TargetConfigTest {

    static ComponentModel model(String name, Map<String, String> config) {
        ComponentModel model = new ComponentModel();
        model.setId("t1");
        model.setParentId("realm-1");
        model.setName(name);
        model.setConfig(new MultivaluedHashMap<>());
        config.forEach(model.getConfig()::putSingle);
        return model;
    }

    @Test
    void theUrlPolicyAppliesToBaseAndTokenUrls() {
        assertThat(TargetConfig.problems(model("n", Map.of("baseUrl", "http://203.0.113.9/scim/v2",
                "authType", "oauth2_client_credentials", "tokenUrl", "https://127.0.0.1/token", "clientId", "c",
                "clientSecret", "s"))))
                .containsExactly("baseUrl: must use https (plain http is refused by the outbound URL policy; an operator "
                        + "can allow it with --spi-events-listener--scim-provisioning--allow-http=true)",
                        "auth.tokenUrl: host 127.0.0.1 is a loopback address, refused by the outbound URL policy (an "
                        + "operator can allow it with --spi-events-listener--scim-provisioning--allowed-hosts=127.0.0.1)");
    }

    @Test
    void defaults() {
        TargetConfig config = TargetConfig.of(model("crm", Map.of("baseUrl", "https://crm.example.com/scim/v2/",
                "authType", "bearer", "token", "t")));
        assertThat(config.baseUrl()).isEqualTo("https://crm.example.com/scim/v2");
        assertThat(config.enabled()).isTrue();
        assertThat(config.connectTimeoutMs()).isEqualTo(5_000);
        assertThat(config.requestTimeoutMs()).isEqualTo(30_000);
        assertThat(config.deleteMode()).isEqualTo(TargetConfig.DeleteMode.DELETE);
        assertThat(config.on404()).isEqualTo(TargetConfig.On404.RECREATE);
        assertThat(config.usePatch()).isEqualTo(TargetConfig.UsePatch.AUTO);
        assertThat(config.retryBudgetMillis()).isEqualTo(24 * 3_600_000L);
        assertThat(config.realmId()).isEqualTo("realm-1");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Map.of("authType", "bearer", "token", "t"), "baseUrl: is required"),
                Arguments.of(Map.of("baseUrl", "ftp://x/scim", "authType", "bearer", "token", "t"),
                        "baseUrl: must be an absolute http or https URL"),
                Arguments.of(Map.of("baseUrl", "https://x/scim?a=b", "authType", "bearer", "token", "t"),
                        "baseUrl: must be an absolute http or https URL"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer"), "auth.token: is required"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "basic", "username", "u"),
                        "auth.password: is required"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "oauth2_client_credentials", "tokenUrl", "x",
                        "clientId", "c", "clientSecret", "s"), "auth.tokenUrl: must be an absolute http or https URL"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "digest"),
                        "auth.type: must be one of bearer, basic, oauth2_client_credentials"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t", "requestTimeoutMs", "0"),
                        "requestTimeoutMs: must be between 100 and 600000"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t", "retryBudgetHours", "x"),
                        "retryBudgetHours: must be an integer"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t", "on404", "ignore"),
                        "on404: must be one of recreate, unlink"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t", "usePatch", "always"),
                        "usePatch: must be one of auto, never"),
                Arguments.of(Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t", "enabled", "yes"),
                        "enabled: must be true or false"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void problemsNameTheField(Map<String, String> config, String problem) {
        assertThat(TargetConfig.problems(model("n", config))).containsExactly(problem);
    }

    @Test
    void validConfigurationsHaveNoProblems() {
        assertThat(TargetConfig.problems(model("n", Map.of("baseUrl", "https://203.0.113.9:8443/scim/v2",
                "authType", "basic", "username", "u", "password", "${vault.p}")))).isEmpty();
        assertThat(TargetConfig.problems(model("n", Map.of("baseUrl", "https://x", "authType",
                "oauth2_client_credentials", "tokenUrl", "https://idp/token", "clientId", "c", "clientSecret", "s",
                "retryBudgetHours", "0")))).isEmpty();
    }

    @Test
    void nameIsRequired() {
        assertThat(TargetConfig.problems(model(" ", Map.of("baseUrl", "https://x", "authType", "bearer", "token", "t"))))
                .containsExactly("name: is required");
    }
}
