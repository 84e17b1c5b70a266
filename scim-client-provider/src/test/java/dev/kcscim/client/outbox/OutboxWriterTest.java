package dev.kcscim.client.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kcscim.client.targets.AttributeMapping;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.client.targets.TargetScope;
import org.junit.jupiter.api.Test;

class OutboxWriterTest {

    private static TargetConfig target(String source) {
        return new TargetConfig("t1", "r1", "idp", "http://127.0.0.1:1/scim/v2", true, TargetConfig.AuthType.BEARER,
                "tok", null, null, null, null, null, null, 1000, 2000, TargetConfig.DeleteMode.DELETE,
                TargetConfig.On404.RECREATE, TargetConfig.UsePatch.AUTO, 3_600_000L, TargetScope.ALL,
                AttributeMapping.DEFAULT, source, TargetConfig.OrphanPolicy.REPORT, 0);
    }

    /** Loop prevention: only a change from the very source a target stands for is held back from it. */
    @Test
    void aChangeFromATargetsOwnSourceIsNotSentBackToIt() {
        assertThat(OutboxWriter.echoes(target("client:idp-sync"), "client:idp-sync")).isTrue();
        assertThat(OutboxWriter.echoes(target("client:idp-sync"), "client:other")).isFalse();
        assertThat(OutboxWriter.echoes(target("client:idp-sync"), "token:idp-sync")).isFalse();
        assertThat(OutboxWriter.echoes(target("client:idp-sync"), null)).isFalse();
        assertThat(OutboxWriter.echoes(target(null), "client:idp-sync")).isFalse();
        assertThat(OutboxWriter.INBOUND_SOURCE).isEqualTo("dev.kcscim.inbound.source");
    }
}
