package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DriftReportTest {

    @Test
    void countsEverythingButKeepsAtMostTwentySamples() {
        DriftReport report = new DriftReport();
        for (int i = 0; i < 25; i++) {
            report.add(DriftReport.Kind.MISSING, DriftReport.sample("u" + i, "r" + i, "user" + i));
        }
        report.add(DriftReport.Kind.ORPHANS, DriftReport.sample(null, "r-x", "orphan").put("action", "reported"));
        report.progress("users", 100);
        report.progress("users", 25);
        JsonNode json = report.toJson();
        assertThat(json.path("drift").path("missing").path("count").asInt()).isEqualTo(25);
        assertThat(json.path("drift").path("missing").path("samples")).hasSize(DriftReport.MAX_SAMPLES);
        assertThat(json.path("drift").path("missing").path("samples").get(0).toString())
                .isEqualTo("{\"userId\":\"u0\",\"remoteId\":\"r0\",\"userName\":\"user0\"}");
        assertThat(json.path("drift").path("orphans").path("samples").get(0).toString())
                .isEqualTo("{\"remoteId\":\"r-x\",\"userName\":\"orphan\",\"action\":\"reported\"}");
        assertThat(json.path("progress").toString()).isEqualTo("{\"targetAccounts\":0,\"users\":125,\"groups\":0}");
    }

    @Test
    void everyKindIsReportedEvenWhenZero() {
        JsonNode drift = new DriftReport().toJson().path("drift");
        assertThat(drift.size()).isEqualTo(DriftReport.Kind.values().length);
        for (String kind : new String[] {"missing", "extra", "stale", "orphans", "wrongMemberships", "groupsMissing",
                "groupsExtra", "groupsStale", "errors"}) {
            assertThat(drift.path(kind).path("count").asInt()).as(kind).isZero();
            assertThat(drift.path(kind).path("samples").isArray()).as(kind).isTrue();
        }
    }

    @Test
    void pathsOfAPatchBody() throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree("{\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"name.givenName\",\"value\":\"A\"},{\"op\":\"add\",\"value\":{\"title\":\"x\"}},"
                + "{\"op\":\"remove\",\"path\":\"nickName\"}]}");
        assertThat(DriftReport.paths(body).toString()).isEqualTo("[\"name.givenName\",\"nickName\"]");
    }
}
