package dev.kcscim.client.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.Operation;
import dev.kcscim.client.outbox.OutboxRow;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.testsupport.mocktarget.Fault;
import dev.kcscim.testsupport.mocktarget.MockScimTarget;
import java.io.IOException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCIM call sequences of {@link ScimSync} over real HTTP against the in-JVM mock target, without Keycloak. */
class ScimSyncAgainstMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MockScimTarget target;
    private CloseableHttpClient client;

    @BeforeEach
    void start() {
        // the mock listens on http://127.0.0.1: the test policy allows exactly that, as the IT server's options do
        dev.kcscim.client.targets.UrlPolicy.install(new dev.kcscim.client.targets.UrlPolicy(true,
                java.util.List.of("127.0.0.1"), java.net.InetAddress::getAllByName));
        target = new MockScimTarget("tok").start();
        client = HttpClients.createDefault();
    }

    @AfterEach
    void stop() throws IOException {
        dev.kcscim.client.targets.UrlPolicy.install(new dev.kcscim.client.targets.UrlPolicy(false, java.util.List.of(),
                java.net.InetAddress::getAllByName));
        client.close();
        target.close();
    }

    private TargetConfig config(TargetConfig.UsePatch usePatch, TargetConfig.On404 on404) {
        return new TargetConfig("t1", "r1", "mock", target.baseUrl(), true, TargetConfig.AuthType.BEARER, "tok", null,
                null, null, null, null, null, 1000, 2000, TargetConfig.DeleteMode.DELETE, on404, usePatch, 3_600_000L,
                dev.kcscim.client.targets.TargetScope.ALL, dev.kcscim.client.targets.AttributeMapping.DEFAULT, null,
                TargetConfig.OrphanPolicy.REPORT, 0);
    }

    /** A target configuration with {@code mapping}, for tests of the mapping's schema. */
    static TargetConfig configWith(dev.kcscim.client.targets.AttributeMapping mapping) {
        return new TargetConfig("t1", "r1", "mock", "http://127.0.0.1:1/scim/v2", true, TargetConfig.AuthType.BEARER,
                "tok", null, null, null, null, null, null, 1000, 2000, TargetConfig.DeleteMode.DELETE,
                TargetConfig.On404.RECREATE, TargetConfig.UsePatch.AUTO, 3_600_000L,
                dev.kcscim.client.targets.TargetScope.ALL, mapping, null, TargetConfig.OrphanPolicy.REPORT, 0);
    }

    private ScimSync sync(TargetConfig config) {
        return new ScimSync(new ScimHttp(client, config, new TokenCache()), new PatchSupport());
    }

    private static Snapshot snapshot(Operation op, Snapshot.State primary, Snapshot.State member, boolean queued) {
        OutboxRow row = new OutboxRow(1, "r1", "t1", primary.kind(), primary.localId(), op,
                member == null ? null : member.localId(), 0, 0);
        return new Snapshot(row, null, null, primary, member, queued);
    }

    private static Snapshot.State user(String id, String userName, Snapshot.Link link) {
        return new Snapshot.State(ResourceKind.USER, id, OutboundMapper.user(id, userName, true, null, null, null), link);
    }

    @Test
    void conflictOnCreateLinksToTheExistingAccount() throws Exception {
        String remote = target.users().seed((ObjectNode) JSON.readTree("{\"userName\":\"ann\",\"externalId\":\"hr-1\"}"));
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        // The pre-search cannot see it (filter unsupported answer), so the POST meets a 409
        target.inject(new Fault("GET", "/Users", 400, java.util.Map.of(), null, 0), 1);
        sync.run(snapshot(Operation.SYNC, user("kc-1", "ann", null), null, false));
        assertThat(target.requests(r -> r.is("POST", "/Users")).get(0).status()).isEqualTo(409);
        assertThat(sync.changes()).extracting(LinkChange::remoteId).contains(remote);
        JsonNode stored = target.users().get(remote);
        assertThat(stored.path("externalId").asText()).isEqualTo("hr-1");
        assertThat(stored.path("active").asBoolean()).isTrue();
        assertThat(target.users().size()).isEqualTo(1);
    }

    @Test
    void notFoundOnUpdateUnlinksWhenToldTo() throws Exception {
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.UNLINK));
        ObjectNode old = OutboundMapper.user("kc-2", "bea", false, null, null, null);
        sync.run(snapshot(Operation.SYNC, user("kc-2", "bea", new Snapshot.Link("gone", old)), null, false));
        assertThat(sync.changes()).containsExactly(LinkChange.forget(ResourceKind.USER, "kc-2"));
        assertThat(target.users().size()).isZero();
    }

    @Test
    void membershipWithoutPatchSupportIsReadModifyWrite() throws Exception {
        target.setPatchSupported(false);
        String group = target.groups().seed((ObjectNode) JSON.readTree("{\"displayName\":\"g\",\"members\":[{\"value\":\"u0\"}]}"));
        String user = target.users().seed((ObjectNode) JSON.readTree("{\"userName\":\"cid\"}"));
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        Snapshot.State groupState = new Snapshot.State(ResourceKind.GROUP, "g1", OutboundMapper.group("g1", "g"),
                new Snapshot.Link(group, OutboundMapper.group("g1", "g")));
        sync.run(snapshot(Operation.MEMBER_ADD, groupState, user("kc-3", "cid", new Snapshot.Link(user, null)), false));
        assertThat(target.groups().get(group).path("members").toString()).contains("u0").contains(user);
        assertThat(target.requests(r -> r.is("PUT", "/Groups/" + group))).hasSize(1);
        assertThat(target.requests(r -> r.is("PATCH", "/Groups"))).isEmpty();
    }

    @Test
    void membershipWaitsForItsMembersQueuedRow() {
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        Snapshot.State groupState = new Snapshot.State(ResourceKind.GROUP, "g1", OutboundMapper.group("g1", "g"), null);
        assertThatThrownBy(() -> sync.run(snapshot(Operation.MEMBER_ADD, groupState, user("kc-4", "dan", null), true)))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.retryAfterMillis()).isEqualTo(MembershipSync.MEMBER_WAIT_MILLIS);
                });
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void memberNotYetProvisionedIsCreatedFirst() throws Exception {
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        Snapshot.State groupState = new Snapshot.State(ResourceKind.GROUP, "g1", OutboundMapper.group("g1", "ops"), null);
        sync.run(snapshot(Operation.MEMBER_ADD, groupState, user("kc-5", "eve", null), false));
        String remoteUser = target.users().findBy("userName", "eve").get("id").asText();
        JsonNode group = target.groups().findBy("displayName", "ops");
        assertThat(group.path("members")).hasSize(1);
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(remoteUser);
        assertThat(sync.changes()).extracting(LinkChange::kind).containsExactly(ResourceKind.GROUP, ResourceKind.USER);
    }

    /** A create whose answer was lost left an unlinked account: the delete finds it by externalId. */
    @Test
    void deleteWithoutLinkFindsTheAccountByItsExternalId() throws Exception {
        String orphan = target.users().seed((ObjectNode) JSON.readTree("{\"userName\":\"hal\",\"externalId\":\"kc-8\"}"));
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        Snapshot.State gone = new Snapshot.State(ResourceKind.USER, "kc-8", null, null);
        sync.run(snapshot(Operation.DELETE, gone, null, false));
        assertThat(target.users().get(orphan)).isNull();
        assertThat(target.requests(r -> r.is("DELETE", "/Users/" + orphan))).hasSize(1);
        sync.run(snapshot(Operation.DELETE, gone, null, false));
        assertThat(target.requests(r -> r.is("DELETE", "/Users"))).hasSize(1);
    }

    @Test
    void badRequestIsFinalAndCarriesTheScimDetail() {
        target.inject(Fault.scimError("POST", 400, "invalidValue", "no"), 1);
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        assertThatThrownBy(() -> sync.run(snapshot(Operation.SYNC, user("kc-6", "fay", null), null, false)))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.status()).isEqualTo(400);
                    assertThat(f.getMessage()).isEqualTo("POST /Users -> HTTP 400: invalidValue no");
                });
    }

    @Test
    void serviceUnavailableIsRetryableWithRetryAfter() {
        target.inject(Fault.retryAfter(503, 7), 1);
        ScimSync sync = sync(config(TargetConfig.UsePatch.AUTO, TargetConfig.On404.RECREATE));
        assertThatThrownBy(() -> sync.run(snapshot(Operation.SYNC, user("kc-7", "gus", null), null, false)))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.retryAfterMillis()).isEqualTo(7_000L);
                });
    }
}
