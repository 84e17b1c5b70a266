package dev.kcscim.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Inbound SCIM meters on Keycloak's Micrometer registry ({@link Metrics#globalRegistry}, scraped at the management
 * {@code /metrics} with {@code --metrics-enabled=true}): {@code kcscim_inbound_requests_total} and the latency
 * timer {@code kcscim_inbound_request_duration_seconds}, both tagged {@code realm}, {@code resource_type}
 * (Users, Groups, Bulk, Me, Search), {@code method} and {@code status}.
 */
final class InboundMetrics {

    static final String REQUESTS = "kcscim.inbound.requests";
    static final String DURATION = "kcscim.inbound.request.duration";

    /**
     * The meters of each tag combination, registered once: looking a meter up in the global registry builds and
     * sorts its id on every call. Bounded by realms x resource types x methods x statuses; a removed realm's
     * entries stay until restart, as the registry's own meters do.
     */
    private static final Map<String, Meters> METERS = new ConcurrentHashMap<>();

    private InboundMetrics() {
    }

    static void record(String realm, String resourceType, String method, int status, long nanos) {
        Meters meters = METERS.computeIfAbsent(realm + '\n' + resourceType + '\n' + method + '\n' + status,
                key -> Meters.register(realm, resourceType, method, status));
        meters.requests().increment();
        meters.duration().record(nanos, TimeUnit.NANOSECONDS);
    }

    private record Meters(Counter requests, Timer duration) {

        static Meters register(String realm, String resourceType, String method, int status) {
            String[] tags = {"realm", realm, "resource_type", resourceType, "method", method, "status", Integer.toString(status)};
            return new Meters(
                    Counter.builder(REQUESTS).description("SCIM requests answered").tags(tags).register(Metrics.globalRegistry),
                    Timer.builder(DURATION).description("SCIM request latency").tags(tags).register(Metrics.globalRegistry));
        }
    }
}
