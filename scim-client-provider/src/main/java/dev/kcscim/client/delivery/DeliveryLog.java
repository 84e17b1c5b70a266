package dev.kcscim.client.delivery;

import dev.kcscim.client.outbox.OutboxRow;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The log lines of outbox deliveries, in {@code key=value} form so they can be grepped and parsed: one DEBUG line
 * per attempt, and one WARN line per failed attempt naming realm, target id, resource, HTTP status, the target's
 * SCIM error ({@code scimType} and {@code detail}, RFC 7644 §3.12) and the correlation id. The correlation id
 * ({@code outbox-<row id>}) is the same for every attempt of one change, including replays of a dead letter, and
 * its number is the {@code id} shown by the dead-letters admin view. Neither the request body nor any credential
 * is ever written: a failure's text is the method, path, status and the target's error.
 */
final class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    private DeliveryLog() {
    }

    /** The correlation id of a change: shared by all its attempts. */
    static String correlationId(OutboxRow row) {
        return "outbox-" + row.id();
    }

    /** DEBUG: one attempt finished with {@code outcome}. */
    static void attempt(OutboxRow row, OutboundMetrics.Outcome outcome, Integer status, long nanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("outbox: delivery attempt %d correlation=%s realm=%s target=%s resource=%s/%s op=%s outcome=%s status=%s"
                            + " ms=%d", row.attempts() + 1, correlationId(row), OutboundMetrics.realm(row.realmId()),
                    row.targetId(), lower(row.kind().name()), row.resourceId(), lower(row.op().name()), outcome.tag(),
                    status == null ? "-" : status, nanos / 1_000_000);
        }
    }

    /** WARN: an attempt failed; {@code dead} when the change was dead-lettered, else retried after {@code delayMillis}. */
    static void failed(OutboxRow row, DeliveryFailure failure, boolean dead, long delayMillis) {
        LOG.warnf("outbox: delivery %s correlation=%s realm=%s target=%s resource=%s/%s op=%s attempt=%d status=%s scimType=%s"
                        + " error=\"%s\"", dead ? "dead-lettered" : "failed, retry in " + delayMillis + " ms",
                correlationId(row), OutboundMetrics.realm(row.realmId()), row.targetId(), lower(row.kind().name()),
                row.resourceId(), lower(row.op().name()), row.attempts() + 1,
                failure.status() == null ? "-" : failure.status(), failure.scimType() == null ? "-" : failure.scimType(),
                failure.getMessage());
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
