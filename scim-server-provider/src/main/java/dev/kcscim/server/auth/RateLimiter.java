package dev.kcscim.server.auth;

import dev.kcscim.core.error.TooManyRequestsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Inbound rate limit per caller (provisioning token or OAuth client, keyed by realm and {@link InboundSource}):
 * a token bucket holding at most {@code perMinute} requests, refilled at {@code perMinute} per minute. A request
 * finding it empty gets 429 with {@code Retry-After} (RFC 6585 §4). Buckets are node-local: in a cluster each node
 * limits separately, so a caller spread over N nodes may reach N times the limit. {@code perMinute <= 0} is off.
 */
public final class RateLimiter {

    /** The default: generous enough for any identity provider's bursts, low enough to stop a runaway client. */
    public static final int DEFAULT_PER_MINUTE = 6000;
    private static final int MAX_BUCKETS = 10_000;

    private static volatile RateLimiter current = new RateLimiter(DEFAULT_PER_MINUTE, System::nanoTime);

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    public static RateLimiter current() {
        return current;
    }

    public static void configure(RateLimiter limiter) {
        current = limiter;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request from {@code source}'s bucket in {@code realmId}; 429 when it is empty. */
    public void acquire(String realmId, String source) {
        if (perMinute <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // forgetting is lenient: every caller starts again with a full bucket
        }
        Bucket bucket = buckets.computeIfAbsent(realmId + '|' + source, k -> new Bucket(perMinute, now));
        double perNano = perMinute / 60e9;
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            throw new TooManyRequestsException("Rate limit of " + perMinute + " SCIM requests per minute exceeded for "
                    + source + "; retry after " + Math.max(1, waitSeconds) + " s", waitSeconds);
        }
    }
}
