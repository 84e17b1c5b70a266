package dev.kcscim.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * 1,000 user creates through our {@code /Bulk} endpoint (RFC 7644 §3.7; split into as few requests as the
 * advertised {@code maxOperations} and {@code maxPayloadSize} allow) against 1,000 single {@code POST /Users}.
 * Only measured when our {@code /ServiceProviderConfig} says {@code bulk.supported}.
 */
final class BulkOperation {

    static final int CREATES = 1_000;
    private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    /** Generous upper bound of one create operation's JSON, to respect maxPayloadSize. */
    private static final int BYTES_PER_OPERATION = 400;

    private final BenchRealm realm;
    private final int perRequest;

    private BulkOperation(BenchRealm realm, int perRequest) {
        this.realm = realm;
        this.perRequest = perRequest;
    }

    /** The bulk operation when our server supports it, else null (and why, in {@code notes}). */
    static BulkOperation detect(BenchRealm realm, List<String> notes) {
        BenchHttp.Exchange config = realm.http().get(realm.oursBase() + "/ServiceProviderConfig");
        JsonNode bulk = config.ok() ? config.json().path("bulk") : null;
        if (bulk == null || !bulk.path("supported").asBoolean(false)) {
            notes.add("/Bulk: not measured - our /ServiceProviderConfig says bulk.supported="
                    + (bulk == null ? "? (HTTP " + config.status() + ")" : bulk.path("supported").asText()));
            return null;
        }
        int maxOperations = Math.max(1, bulk.path("maxOperations").asInt(CREATES));
        int maxPayload = bulk.path("maxPayloadSize").asInt(Integer.MAX_VALUE);
        int perRequest = Math.min(CREATES, Math.min(maxOperations, Math.max(1, maxPayload / BYTES_PER_OPERATION)));
        notes.add(String.format(Locale.ROOT, "/Bulk: maxOperations %d, maxPayloadSize %d: %d creates per request",
                maxOperations, maxPayload, perRequest));
        return new BulkOperation(realm, perRequest);
    }

    Operation operation(String tag) {
        return new Operation(ReportWriter.BULK, 1, List.of(
                Operation.variant(Scenarios.OURS, s -> bulk(tag + "-b" + s), e -> true),
                Operation.variant(Scenarios.OURS_SINGLE_POSTS, s -> singles(tag + "-s" + s), e -> true)));
    }

    private BenchHttp.Exchange bulk(String tag) {
        long nanos = 0;
        for (int from = 0; from < CREATES; from += perRequest) {
            ObjectNode request = BenchHttp.JSON.createObjectNode();
            request.putArray("schemas").add(BULK_REQUEST);
            ArrayNode operations = request.putArray("Operations");
            for (int i = from; i < Math.min(CREATES, from + perRequest); i++) {
                operations.addObject().put("method", "POST").put("path", "/Users").put("bulkId", "u" + i)
                        .set("data", Scenarios.scimUser(Scenarios.createdName("k", tag, i)));
            }
            BenchHttp.Exchange response = realm.http().send("POST", realm.oursBase() + "/Bulk", BenchHttp.SCIM_JSON, request);
            nanos += response.nanos();
            if (!response.ok()) {
                return new BenchHttp.Exchange(response.status(), response.body(), nanos, response.retried());
            }
            for (JsonNode result : response.json().path("Operations")) {
                if (!result.path("status").asText().startsWith("2")) {
                    return new BenchHttp.Exchange(result.path("status").asInt(500), result.toString(), nanos, false);
                }
            }
        }
        return new BenchHttp.Exchange(200, "", nanos, false);
    }

    private BenchHttp.Exchange singles(String tag) {
        long nanos = 0;
        for (int i = 0; i < CREATES; i++) {
            BenchHttp.Exchange response = realm.http().send("POST", realm.oursBase() + "/Users", BenchHttp.SCIM_JSON,
                    Scenarios.scimUser(Scenarios.createdName("k", tag, i)));
            nanos += response.nanos();
            if (!response.ok()) {
                return new BenchHttp.Exchange(response.status(), response.body(), nanos, response.retried());
            }
        }
        return new BenchHttp.Exchange(200, "", nanos, false);
    }
}
