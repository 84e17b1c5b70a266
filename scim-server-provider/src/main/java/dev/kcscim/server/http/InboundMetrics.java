package dev.kcscim.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
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

    private InboundMetrics() {
    }

    static void record(String realm, String resourceType, String method, int status, long nanos) {
        String[] tags = {"realm", realm, "resource_type", resourceType, "method", method, "status", Integer.toString(status)};
        Counter.builder(REQUESTS).description("SCIM requests answered").tags(tags).register(Metrics.globalRegistry).increment();
        Timer.builder(DURATION).description("SCIM request latency").tags(tags).register(Metrics.globalRegistry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
