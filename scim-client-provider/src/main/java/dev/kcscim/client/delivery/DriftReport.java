package dev.kcscim.client.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one full sync found and repaired: per kind of drift a count and at most {@link #MAX_SAMPLES} samples, plus
 * progress counters. Its size is bounded whatever the number of users, so it can be kept in memory for the whole
 * run and stored as JSON. Thread-safe: a full sync repairs the users of one page on several threads.
 */
final class DriftReport {

    static final int MAX_SAMPLES = 20;

    /** The kinds of drift, in report order. */
    enum Kind {
        /** In scope in Keycloak, absent on the target: created. */
        MISSING("missing"),
        /** Linked on the target but out of scope (or deleted) in Keycloak: deprovisioned. */
        EXTRA("extra"),
        /** Linked and in scope, but the target's attributes differ: updated. */
        STALE("stale"),
        /** On the target, linked to no one: handled per the orphan policy. */
        ORPHANS("orphans"),
        /** Group members that differ between Keycloak and the target: added or removed. */
        WRONG_MEMBERSHIPS("wrongMemberships"),
        /** Groups in scope absent on the target: created. */
        GROUPS_MISSING("groupsMissing"),
        /** Linked groups out of scope: deleted. */
        GROUPS_EXTRA("groupsExtra"),
        /** Linked groups whose name differs on the target: updated. */
        GROUPS_STALE("groupsStale"),
        /** Resources that could not be repaired (the error is in the sample). */
        ERRORS("errors");

        final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    private final Map<Kind, Integer> counts = new LinkedHashMap<>();
    private final Map<Kind, List<ObjectNode>> samples = new LinkedHashMap<>();
    private final Map<String, Long> progress = new LinkedHashMap<>();

    DriftReport() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
            samples.put(kind, new ArrayList<>());
        }
        progress.put("targetAccounts", 0L);
        progress.put("users", 0L);
        progress.put("groups", 0L);
    }

    /** Counts one occurrence of {@code kind}; keeps {@code sample} while fewer than the maximum are kept. */
    synchronized void add(Kind kind, ObjectNode sample) {
        counts.merge(kind, 1, Integer::sum);
        List<ObjectNode> kept = samples.get(kind);
        if (kept.size() < MAX_SAMPLES && sample != null) {
            kept.add(sample);
        }
    }

    synchronized int count(Kind kind) {
        return counts.get(kind);
    }

    synchronized int sampleCount(Kind kind) {
        return samples.get(kind).size();
    }

    /** Adds {@code delta} to the progress counter {@code name} (targetAccounts, users, groups). */
    synchronized void progress(String name, long delta) {
        progress.merge(name, delta, Long::sum);
    }

    synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode seen = json.putObject("progress");
        progress.forEach(seen::put);
        ObjectNode drift = json.putObject("drift");
        for (Kind kind : Kind.values()) {
            ObjectNode entry = drift.putObject(kind.wire).put("count", counts.get(kind));
            ArrayNode list = entry.putArray("samples");
            samples.get(kind).forEach(list::add);
        }
        return json;
    }

    /** A sample naming a Keycloak user and/or a target account; null members are left out. */
    static ObjectNode sample(String userId, String remoteId, String userName) {
        ObjectNode sample = JsonNodeFactory.instance.objectNode();
        if (userId != null) {
            sample.put("userId", userId);
        }
        if (remoteId != null) {
            sample.put("remoteId", remoteId);
        }
        if (userName != null) {
            sample.put("userName", userName);
        }
        return sample;
    }

    /** The attribute paths a PATCH body touches, for a stale sample. */
    static ArrayNode paths(JsonNode patchBody) {
        ArrayNode paths = JsonNodeFactory.instance.arrayNode();
        JsonNode ops = patchBody == null ? null : patchBody.get("Operations");
        if (ops != null) {
            for (JsonNode op : ops) {
                if (op.hasNonNull("path")) {
                    paths.add(op.get("path").asText());
                }
            }
        }
        return paths;
    }
}
