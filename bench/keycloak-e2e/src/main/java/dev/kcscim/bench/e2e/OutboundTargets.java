package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kcscim.testsupport.AdminClient;
import dev.kcscim.testsupport.HttpResult;

/**
 * The outbound admin API calls of the benchmark ({@code /admin/realms/{realm}/scim-provisioning/targets}, see
 * docs/outbound.md), made with the master admin's token (targets need {@code manage-realm}).
 */
final class OutboundTargets {

    private final AdminClient admin;
    private final String realm;

    OutboundTargets(AdminClient admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /**
     * The extension's delivery concurrency for one target: {@code delivery-threads} from the server info (provider
     * {@code scim-provisioning} of {@code eventsListener}), of which one target uses at most half.
     */
    int perTargetConcurrency() {
        JsonNode info = admin.serverInfo().path("providers").path("eventsListener").path("providers")
                .path("scim-provisioning").path("operationalInfo");
        int threads = Integer.parseInt(info.path("delivery-threads").asText("8"));
        return Math.max(1, threads / 2);
    }

    /** A target of every user of the realm and no group, bearer-authenticated; returns its id. */
    String create(String name, String baseUrl, String token) {
        ObjectNode json = BenchHttp.JSON.createObjectNode().put("name", name).put("baseUrl", baseUrl).put("enabled", true);
        json.putObject("auth").put("type", "bearer").put("token", token);
        ObjectNode scope = json.putObject("scope");
        scope.putObject("users").put("type", "all");
        scope.putObject("groups").put("type", "none");
        HttpResult created = admin.post(targets(), json);
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create the target: " + created);
        }
        return created.json().path("id").asText();
    }

    void delete(String id) {
        HttpResult deleted = admin.delete(targets() + "/" + id);
        if (deleted.status() != 204) {
            throw new IllegalStateException("cannot delete target " + id + ": " + deleted);
        }
    }

    /** {@code POST .../sync}: expects {@code 202}; returns the run id. */
    String startSync(String id) {
        HttpResult started = admin.post(targets() + "/" + id + "/sync", BenchHttp.JSON.createObjectNode());
        if (started.status() != 202) {
            throw new IllegalStateException("POST .../sync did not answer 202: " + started);
        }
        return started.json().path("id").asText();
    }

    /** Polls {@code GET .../sync/{runId}} until the run is {@code done} or {@code failed}; returns its last JSON. */
    JsonNode awaitRun(String id, String runId, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lastPrint = System.currentTimeMillis();
        while (true) {
            HttpResult run = admin.get(targets() + "/" + id + "/sync/" + runId);
            if (run.status() != 200) {
                throw new IllegalStateException("GET .../sync/" + runId + ": " + run);
            }
            JsonNode json = run.json();
            String status = json.path("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return json;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("sync run " + runId + " not finished after " + timeoutMillis / 1000
                        + " s: " + json);
            }
            if (System.currentTimeMillis() - lastPrint > 30_000) {
                lastPrint = System.currentTimeMillis();
                System.out.println("    sync " + json.path("phase").asText() + ", progress " + json.path("progress"));
            }
            sleep(json.path("phase").asText().equals("queued") ? 50 : 250);
        }
    }

    /** Waits until the target's queue is empty; false on time-out. */
    boolean awaitIdle(String id, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (admin.get(targets() + "/" + id + "/status").json().path("queueDepth").asLong(-1) == 0) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    JsonNode status(String id) {
        return admin.get(targets() + "/" + id + "/status").json();
    }

    private String targets() {
        return "/admin/realms/" + realm + "/scim-provisioning/targets";
    }

    static void sleep(long millis) {
        sleep(millis, 0);
    }

    static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
