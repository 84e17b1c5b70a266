package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.client.targets.TargetConfig;
import dev.kcscim.core.ScimConstants;
import java.util.ArrayList;
import java.util.List;

/**
 * The SCIM calls (RFC 7644 §3) that bring one target in line with one outbox row. It runs outside any database
 * transaction and only collects {@link LinkChange}s; the caller saves them afterwards, also when a later call fails,
 * so a resource created on the target is never created twice.
 */
final class ScimSync {

    private final ScimHttp http;
    private final PatchSupport patchSupport;
    /** Synchronized: a full sync repairs the users of one page on several threads through one instance. */
    private final List<LinkChange> changes = java.util.Collections.synchronizedList(new ArrayList<>());

    ScimSync(ScimHttp http, PatchSupport patchSupport) {
        this.http = http;
        this.patchSupport = patchSupport;
    }

    ScimHttp http() {
        return http;
    }

    List<LinkChange> changes() {
        return changes;
    }

    /**
     * The link changes recorded so far, removed from this sync in one step: calls still running on other threads
     * (a full sync's workers) add theirs afterwards, to be taken by the next drain, never lost between a copy and
     * a clear.
     */
    List<LinkChange> drainChanges() {
        synchronized (changes) {
            List<LinkChange> drained = new ArrayList<>(changes);
            changes.clear();
            return drained;
        }
    }

    /** Executes {@code snapshot}'s row. */
    void run(Snapshot snapshot) throws DeliveryFailure {
        switch (snapshot.row().op()) {
            case SYNC:
                execute(snapshot.primary(), SyncPlan.of(snapshot.primary(), http.target(), () -> patchSupport.supportsPatch(http)));
                break;
            case DELETE:
                delete(snapshot.primary());
                break;
            case MEMBER_ADD:
                new MembershipSync(this, http, patchSupport).add(snapshot.primary(), snapshot.member(),
                        snapshot.memberQueued());
                break;
            case MEMBER_REMOVE:
                new MembershipSync(this, http, patchSupport).remove(snapshot.primary(), snapshot.member());
                break;
            default:
                throw new IllegalStateException("unknown operation " + snapshot.row().op());
        }
    }

    /** Carries out {@code plan}, made by {@link SyncPlan#of} for {@code state} (the request the preview shows). */
    void execute(Snapshot.State state, SyncPlan plan) throws DeliveryFailure {
        switch (plan.operation()) {
            case CREATE:
                create(state);
                break;
            case UPDATE:
                send(state, plan);
                break;
            case DEPROVISION:
                deprovision(state);
                break;
            default:
                break;
        }
    }

    /** Creates or updates; returns the state with its (possibly new) link, or null when the resource is gone. */
    Snapshot.State sync(Snapshot.State state) throws DeliveryFailure {
        if (state.desired() == null || !state.inScope()) {
            return null;
        }
        return state.link() == null ? create(state) : update(state);
    }

    Snapshot.State create(Snapshot.State state) throws DeliveryFailure {
        JsonNode existing = findExisting(state);
        return existing == null ? post(state) : adopt(state, existing);
    }

    /**
     * Creates a resource the caller has just looked for on the target and not found: {@code POST}, and on a
     * {@code 409} (RFC 7644 §3.3 uniqueness: it appeared in between) a lookup and a link, as {@link #create} does.
     */
    Snapshot.State post(Snapshot.State state) throws DeliveryFailure {
        ScimResponse created = http.send("POST", endpoint(state.kind()), state.desired());
        if (created.ok()) {
            String remoteId = remoteId(created, "POST " + endpoint(state.kind()));
            return linked(state, remoteId, state.desired());
        }
        if (created.status() != 409) {
            throw DeliveryFailure.ofResponse("POST " + endpoint(state.kind()), created);
        }
        // RFC 7644 §3.3: 409 uniqueness, the target already has it: link to it instead of failing
        JsonNode existing = findByName(state);
        if (existing == null) {
            throw DeliveryFailure.ofResponse("POST " + endpoint(state.kind()), created);
        }
        return adopt(state, existing);
    }

    /**
     * {@code POST}s a resource the caller knows no unlinked resource of the target to hold the name of: on a
     * {@code 409} (one took it since) nothing is linked and null is returned, as a lookup that found it would have
     * created nothing.
     */
    Snapshot.State postUnlessTaken(Snapshot.State state) throws DeliveryFailure {
        ScimResponse created = http.send("POST", endpoint(state.kind()), state.desired());
        if (created.ok()) {
            return linked(state, remoteId(created, "POST " + endpoint(state.kind())), state.desired());
        }
        if (created.status() == 409) {
            return null;
        }
        throw DeliveryFailure.ofResponse("POST " + endpoint(state.kind()), created);
    }

    /** Links to a resource the target already had, keeping its externalId, then sends what differs. */
    Snapshot.State adopt(Snapshot.State state, JsonNode existing) throws DeliveryFailure {
        String remoteId = existing.path("id").asText(null);
        if (remoteId == null) {
            throw new DeliveryFailure(false, null, "target resource without id", null);
        }
        ObjectNode desired = keepRemoteExternalId(state.desired(), existing);
        ObjectNode base = project((ObjectNode) existing, desired);
        Snapshot.State linked = linked(state, remoteId, base);
        return update(new Snapshot.State(state.kind(), state.localId(), desired, linked.link()));
    }

    Snapshot.State update(Snapshot.State state) throws DeliveryFailure {
        return send(state, SyncPlan.update(state, http.target(), patchSupport.supportsPatch(http)));
    }

    /** Sends an update {@code plan} of a linked {@code state}; a 404 is handled per {@code on404}. */
    Snapshot.State send(Snapshot.State state, SyncPlan plan) throws DeliveryFailure {
        if (plan.operation() == SyncPlan.Operation.NONE) {
            return state;
        }
        ScimResponse response = http.send(plan.method(), plan.path(), plan.body());
        if (response.status() == 404) {
            return onNotFound(state);
        }
        if (!response.ok()) {
            throw DeliveryFailure.ofResponse(plan.method() + " " + plan.path(), response);
        }
        ObjectNode pushed = keepRemoteExternalId(state.desired(), state.link().lastPushed() == null
                ? JsonNodeFactory.instance.objectNode() : state.link().lastPushed());
        return linked(state, state.link().remoteId(), pushed);
    }

    /** Takes a linked resource that left the target's scope off the target (DELETE or deactivate). */
    void deprovision(Snapshot.State state) throws DeliveryFailure {
        SyncPlan plan = SyncPlan.deprovision(state, http.target(), patchSupport.supportsPatch(http));
        if (plan.operation() == SyncPlan.Operation.NONE) {
            return;
        }
        ScimResponse response = http.send(plan.method(), plan.path(), plan.body());
        if (response.status() == 404 || (plan.method().equals("DELETE") && response.ok())) {
            changes.add(LinkChange.forget(state.kind(), state.localId()));
        } else if (!response.ok()) {
            throw DeliveryFailure.ofResponse(plan.method() + " " + plan.path(), response);
        } else {
            changes.add(LinkChange.save(state.kind(), state.localId(), state.link().remoteId(),
                    SyncPlan.inactive(state.link())));
        }
    }

    /** Forgets the link of a resource the target no longer has; recreates it when {@code on404} says so. */
    Snapshot.State onNotFound(Snapshot.State state) throws DeliveryFailure {
        changes.add(LinkChange.forget(state.kind(), state.localId()));
        Snapshot.State unlinked = new Snapshot.State(state.kind(), state.localId(), state.desired(), null);
        if (http.target().on404() == TargetConfig.On404.RECREATE && state.desired() != null) {
            return create(unlinked);
        }
        return null;
    }

    private void delete(Snapshot.State state) throws DeliveryFailure {
        Snapshot.Link link = state.link();
        if (link == null) {
            // Never linked, yet it may exist: a create whose answer was lost (timeout, a node killed after the
            // target executed the POST) before the resource was deleted here. Our id is its externalId.
            JsonNode orphan = findBy(state.kind(), "externalId", state.localId());
            if (orphan == null || orphan.path("id").asText("").isEmpty()) {
                return;
            }
            link = new Snapshot.Link(orphan.get("id").asText(), orphan.isObject() ? (ObjectNode) orphan : null);
        }
        deprovision(new Snapshot.State(state.kind(), state.localId(), state.desired(), link, false));
    }

    private JsonNode findExisting(Snapshot.State state) throws DeliveryFailure {
        // A retried POST whose first answer was lost, or an account made by hand: find it before creating a twin
        return state.kind() == ResourceKind.USER ? findByName(state) : findBy(state.kind(), "externalId", state.localId());
    }

    private JsonNode findByName(Snapshot.State state) throws DeliveryFailure {
        if (state.kind() == ResourceKind.USER) {
            return findBy(ResourceKind.USER, "userName", state.desired().path("userName").asText());
        }
        JsonNode byExternalId = findBy(ResourceKind.GROUP, "externalId", state.localId());
        return byExternalId != null ? byExternalId
                : findBy(ResourceKind.GROUP, "displayName", state.desired().path("displayName").asText());
    }

    JsonNode findBy(ResourceKind kind, String attribute, String value) throws DeliveryFailure {
        String filter = attribute + " eq \"" + escape(value) + "\"";
        String path = endpoint(kind) + "?filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        ScimResponse response = http.send("GET", path, null);
        if (!response.ok()) {
            if (RetryPolicy.isRetryable(response.status())) {
                throw DeliveryFailure.ofResponse("GET " + endpoint(kind) + " (search)", response);
            }
            // A target that cannot filter: fall back to POST and its 409
            return null;
        }
        JsonNode resources = response.body() == null ? null : response.body().path("Resources");
        if (resources == null || !resources.isArray()) {
            return null;
        }
        for (JsonNode resource : resources) {
            if (value.equalsIgnoreCase(resource.path(attribute).asText(null))) {
                return resource;
            }
        }
        return null;
    }

    void forget(Snapshot.State state) {
        changes.add(LinkChange.forget(state.kind(), state.localId()));
    }

    private Snapshot.State linked(Snapshot.State state, String remoteId, ObjectNode pushed) {
        changes.add(LinkChange.save(state.kind(), state.localId(), remoteId, pushed));
        return new Snapshot.State(state.kind(), state.localId(), state.desired(), new Snapshot.Link(remoteId, pushed));
    }

    private static String remoteId(ScimResponse response, String what) throws DeliveryFailure {
        String id = response.body() == null ? null : response.body().path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new DeliveryFailure(false, response.status(), what + " answered without an id", null);
        }
        return id;
    }

    /** Never overwrite the target's externalId of a resource we linked to (it may be another client's key). */
    static ObjectNode keepRemoteExternalId(ObjectNode desired, JsonNode remote) {
        String remoteExternal = remote == null ? null : remote.path("externalId").asText(null);
        if (remoteExternal == null || remoteExternal.isBlank() || remoteExternal.equals(desired.path("externalId").asText())) {
            return desired;
        }
        ObjectNode copy = desired.deepCopy();
        copy.put("externalId", remoteExternal);
        return copy;
    }

    /** The target's resource reduced to the attributes we manage, so a diff never removes what we do not own. */
    static ObjectNode project(ObjectNode remote, ObjectNode desired) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        desired.fieldNames().forEachRemaining(name -> {
            if (remote.has(name)) {
                base.set(name, remote.get(name).deepCopy());
            }
        });
        return base;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String endpoint(ResourceKind kind) {
        return kind == ResourceKind.USER ? "/" + ScimConstants.ENDPOINT_USERS : "/" + ScimConstants.ENDPOINT_GROUPS;
    }

}
