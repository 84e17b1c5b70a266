package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.core.diff.ResourceDiff;
import dev.kcscim.core.schema.CoreSchemas;
import org.junit.jupiter.api.Test;

/** The pure parts of the sync: linking rules and the diff the update path sends. */
class ScimSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void linkingNeverOverwritesTheTargetsExternalId() throws Exception {
        ObjectNode desired = json("{\"externalId\":\"kc-1\",\"userName\":\"a\"}");
        ObjectNode kept = ScimSync.keepRemoteExternalId(desired, json("{\"externalId\":\"hr-9\"}"));
        assertThat(kept.path("externalId").asText()).isEqualTo("hr-9");
        assertThat(desired.path("externalId").asText()).isEqualTo("kc-1");
    }

    @Test
    void ourExternalIdIsUsedWhenTheTargetHasNone() throws Exception {
        ObjectNode desired = json("{\"externalId\":\"kc-1\"}");
        assertThat(ScimSync.keepRemoteExternalId(desired, json("{\"externalId\":\"\"}"))).isSameAs(desired);
        assertThat(ScimSync.keepRemoteExternalId(desired, json("{}"))).isSameAs(desired);
        assertThat(ScimSync.keepRemoteExternalId(desired, null)).isSameAs(desired);
    }

    /** Attributes we do not manage (phoneNumbers here) are kept out of the base, so no diff removes them. */
    @Test
    void adoptedResourceIsProjectedOnWhatWeManage() throws Exception {
        ObjectNode remote = json("{\"id\":\"r1\",\"userName\":\"a\",\"active\":false,\"phoneNumbers\":[{\"value\":\"1\"}]}");
        ObjectNode desired = json("{\"userName\":\"a\",\"active\":true,\"externalId\":\"kc-1\"}");
        ObjectNode base = ScimSync.project(remote, desired);
        assertThat(base).isEqualTo(json("{\"userName\":\"a\",\"active\":false}"));
        assertThat(ResourceDiff.diff(base, desired, CoreSchemas.USER_RESOURCE).toJson().get("Operations").toString())
                .doesNotContain("phoneNumbers").contains("\"active\"").contains("\"externalId\"");
    }

    @Test
    void renameIsOneReplace() throws Exception {
        ObjectNode before = OutboundMapper.user("kc-1", "bob", true, "Bob", "Baker", "b@example.com");
        ObjectNode after = OutboundMapper.user("kc-1", "bob", true, "Robert", "Baker", "b@example.com");
        var ops = ResourceDiff.diff(before, after, CoreSchemas.USER_RESOURCE).operations();
        assertThat(ops).extracting(op -> op.path().toString())
                .containsExactlyInAnyOrder("name.givenName", "name.formatted", "displayName");
    }

    @Test
    void filterValuesAreEscaped() {
        assertThat(ScimSync.escape("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
    }

    @Test
    void endpoints() {
        assertThat(ScimSync.endpoint(ResourceKind.USER)).isEqualTo("/Users");
        assertThat(ScimSync.endpoint(ResourceKind.GROUP)).isEqualTo("/Groups");
    }
}
