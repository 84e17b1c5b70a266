package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Membership as deltas (RFC 7644 §3.5.2.1 add, §3.5.2.2 remove): one PATCH naming only the changed member by its
 * remote id, never the whole member list. A member not yet on the target is created first, unless its own user row
 * is still queued: then this row waits a moment, so the user is not created twice by two threads at once.
 */
final class MembershipSync {

    /** How long a membership waits for its member's queued user row. */
    static final long MEMBER_WAIT_MILLIS = 1_000;

    private final ScimSync sync;
    private final ScimHttp http;
    private final PatchSupport patchSupport;

    MembershipSync(ScimSync sync, ScimHttp http, PatchSupport patchSupport) {
        this.sync = sync;
        this.http = http;
        this.patchSupport = patchSupport;
    }

    void add(Snapshot.State group, Snapshot.State member, boolean memberQueued) throws DeliveryFailure {
        if (member == null || group.desired() == null || member.desired() == null) {
            return;
        }
        if (!group.inScope() || !member.inScope()) {
            // Out of this target's scope: the group is not pushed, or the user is not (a scope change of the
            // user arrives as its own SYNC row)
            return;
        }
        if (member.link() == null && memberQueued) {
            throw new DeliveryFailure(true, null, "waiting for member " + member.localId() + " to be provisioned",
                    MEMBER_WAIT_MILLIS);
        }
        Snapshot.State linkedGroup = group.link() == null ? sync.sync(group) : group;
        Snapshot.State linkedMember = member.link() == null ? sync.sync(member) : member;
        if (linkedGroup == null || linkedMember == null) {
            return;
        }
        send(linkedGroup, linkedMember.link().remoteId(), true, true);
    }

    void remove(Snapshot.State group, Snapshot.State member) throws DeliveryFailure {
        if (member == null || group.link() == null || member.link() == null) {
            return;
        }
        send(group, member.link().remoteId(), false, false);
    }

    private void send(Snapshot.State group, String memberRemoteId, boolean add, boolean mayRecreate)
            throws DeliveryFailure {
        String path = "/Groups/" + group.link().remoteId();
        ScimResponse response;
        if (patchSupport.supportsPatch(http)) {
            PatchOperation op = add
                    ? PatchOperation.add("members", List.of(Map.of("value", memberRemoteId)))
                    : PatchOperation.remove("members[value eq \"" + ScimSync.escape(memberRemoteId) + "\"]");
            response = http.send("PATCH", path, PatchRequest.of(op).toJson());
        } else {
            response = putMembers(path, memberRemoteId, add);
        }
        if (response.status() == 404) {
            Snapshot.State recreated = add && mayRecreate ? sync.onNotFound(group) : null;
            if (recreated == null) {
                sync.forget(group);
                return;
            }
            send(recreated, memberRemoteId, true, false);
            return;
        }
        if (!response.ok()) {
            throw DeliveryFailure.ofResponse((add ? "add member to " : "remove member from ") + path, response);
        }
    }

    /** Without PATCH the only way is read-modify-write of the whole group (RFC 7644 §3.5.1). */
    private ScimResponse putMembers(String path, String memberRemoteId, boolean add) throws DeliveryFailure {
        ScimResponse current = http.send("GET", path, null);
        if (!current.ok() || current.body() == null || !current.body().isObject()) {
            return current;
        }
        ObjectNode group = ((ObjectNode) current.body()).deepCopy();
        group.remove("meta");
        ArrayNode members = group.has("members") && group.get("members").isArray()
                ? (ArrayNode) group.get("members") : group.putArray("members");
        for (Iterator<JsonNode> it = members.iterator(); it.hasNext();) {
            if (memberRemoteId.equals(it.next().path("value").asText())) {
                it.remove();
            }
        }
        if (add) {
            members.addObject().put("value", memberRemoteId);
        }
        return http.send("PUT", path, group);
    }
}
