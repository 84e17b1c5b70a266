package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.client.outbox.ResourceKind;
import dev.kcscim.core.patch.PatchOperation;
import dev.kcscim.core.patch.PatchRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;

/**
 * The group phase of a full sync: groups in scope are created when missing and renamed when their name differs on
 * the target; linked groups out of scope are deleted; each linked group's members are compared with the Keycloak
 * members in scope and repaired by delta PATCHes (RFC 7644 §3.5.2). Only members linked to Keycloak users are ever
 * removed, so accounts this sync does not manage keep their memberships. Memberships are repaired only on targets
 * that support PATCH. Memory: group ids are listed once (groups
 * are few next to users), and one group's member ids at a time.
 */
final class GroupReconciler {

    private final SyncTarget ctx;
    private final ScimSync sync;
    private final boolean patch;
    private final DriftReport report;

    GroupReconciler(SyncTarget ctx, ScimSync sync, boolean patch, DriftReport report) {
        this.ctx = ctx;
        this.sync = sync;
        this.patch = patch;
        this.report = report;
    }

    void run(FullSync.Progress progress) {
        List<String> ids = ctx.read(r -> r.session.groups().getGroupsStream(r.realm).map(GroupModel::getId)
                .collect(Collectors.toList()));
        for (int from = 0; from < ids.size(); from += FullSync.PAGE) {
            for (String id : ids.subList(from, Math.min(ids.size(), from + FullSync.PAGE))) {
                group(id);
                ctx.save(sync.drainChanges());
                report.progress("groups", 1);
            }
            if (!progress.page("groups", report)) {
                return;
            }
        }
    }

    private void group(String id) {
        Snapshot.State state = ctx.read(r -> r.state(ResourceKind.GROUP, id));
        String name = state.desired() == null ? null : state.desired().path("displayName").asText(null);
        try {
            if (!state.inScope()) {
                if (state.link() != null) {
                    sync.deprovision(state);
                    report.add(DriftReport.Kind.GROUPS_EXTRA, sample(id, state.link().remoteId(), name));
                }
                return;
            }
            if (state.link() == null) {
                Snapshot.State created = sync.sync(state);
                if (created != null && created.link() != null) {
                    report.add(DriftReport.Kind.GROUPS_MISSING, sample(id, created.link().remoteId(), name));
                    members(created);
                }
                return;
            }
            String path = "/Groups/" + state.link().remoteId();
            ScimResponse current = sync.http().send("GET", path, null);
            if (current.status() == 404) {
                Snapshot.State recreated = sync.onNotFound(state);
                if (recreated != null) {
                    report.add(DriftReport.Kind.GROUPS_MISSING, sample(id, recreated.link().remoteId(), name));
                    members(recreated);
                }
                return;
            }
            if (!current.ok() || current.body() == null || !current.body().isObject()) {
                throw DeliveryFailure.ofResponse("GET " + path, current);
            }
            SyncPlan plan = SyncPlan.update(state, ctx.target, patch,
                    ScimSync.project((ObjectNode) current.body(), state.desired()));
            if (plan.operation() != SyncPlan.Operation.NONE) {
                sync.send(state, plan);
                report.add(DriftReport.Kind.GROUPS_STALE, sample(id, state.link().remoteId(), name));
            }
            members(state, current.body());
        } catch (DeliveryFailure e) {
            report.add(DriftReport.Kind.ERRORS, sample(id, null, name).put("error", e.getMessage()));
        }
    }

    private void members(Snapshot.State group) throws DeliveryFailure {
        members(group, null);
    }

    /** Adds the in-scope Keycloak members the target lacks; removes linked members Keycloak does not have. */
    private void members(Snapshot.State group, JsonNode remoteGroup) throws DeliveryFailure {
        if (!patch) {
            // Without PATCH a membership repair would rewrite the whole member list; change delivery does that
            return;
        }
        Set<String> present = new HashSet<>();
        if (remoteGroup != null) {
            remoteGroup.path("members").forEach(m -> present.add(m.path("value").asText()));
        }
        Map<String, String> expected = ctx.read(r -> {
            GroupModel model = r.session.groups().getGroupById(r.realm, group.localId());
            Map<String, String> wanted = new java.util.HashMap<>();
            if (model != null) {
                r.session.users().getGroupMembersStream(r.realm, model).forEach(user -> {
                    Snapshot.State member = r.user(user, user.getId());
                    if (member.inScope() && member.link() != null) {
                        wanted.put(member.link().remoteId(), user.getId());
                    }
                });
            }
            return wanted;
        });
        for (Map.Entry<String, String> member : expected.entrySet()) {
            if (!present.contains(member.getKey())) {
                change(group, member.getKey(), member.getValue(), true);
            }
        }
        for (String remoteMember : present) {
            if (!expected.containsKey(remoteMember)) {
                String localId = ctx.read(r -> LinkStore.localIdOf(r.em, ctx.target.id(), ResourceKind.USER, remoteMember));
                if (localId != null) {
                    change(group, remoteMember, localId, false);
                }
            }
        }
    }

    private void change(Snapshot.State group, String remoteMember, String userId, boolean add) throws DeliveryFailure {
        String path = "/Groups/" + group.link().remoteId();
        PatchOperation op = add ? PatchOperation.add("members", List.of(Map.of("value", remoteMember)))
                : PatchOperation.remove("members[value eq \"" + ScimSync.escape(remoteMember) + "\"]");
        ScimResponse response = sync.http().send("PATCH", path, PatchRequest.of(op).toJson());
        if (!response.ok()) {
            throw DeliveryFailure.ofResponse("PATCH " + path, response);
        }
        report.add(DriftReport.Kind.WRONG_MEMBERSHIPS, sample(group.localId(), group.link().remoteId(), null)
                .put("userId", userId).put("memberRemoteId", remoteMember).put("action", add ? "added" : "removed"));
    }

    private static ObjectNode sample(String groupId, String remoteId, String name) {
        ObjectNode sample = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("groupId", groupId);
        if (remoteId != null) {
            sample.put("remoteId", remoteId);
        }
        if (name != null) {
            sample.put("displayName", name);
        }
        return sample;
    }
}
