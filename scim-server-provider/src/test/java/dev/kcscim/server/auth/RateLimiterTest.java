package dev.kcscim.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kcscim.core.error.TooManyRequestsException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstUpToTheLimitPassesThenItIs429WithRetryAfter() {
        RateLimiter limiter = new RateLimiter(6, nanos::get);
        for (int i = 0; i < 6; i++) {
            limiter.acquire("r1", "token:a");
        }

        assertThatThrownBy(() -> limiter.acquire("r1", "token:a"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(10); // 6 per minute: one every 10 s
                    assertThat(e.detail()).contains("6 SCIM requests per minute").contains("token:a");
                });
    }

    @Test
    void theBucketRefillsOverTime() {
        RateLimiter limiter = new RateLimiter(6, nanos::get);
        for (int i = 0; i < 6; i++) {
            limiter.acquire("r1", "client:idp");
        }
        nanos.addAndGet(4_000_000_000L);
        assertThatThrownBy(() -> limiter.acquire("r1", "client:idp"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(6));

        nanos.addAndGet(6_000_000_000L);

        limiter.acquire("r1", "client:idp");
        assertThatThrownBy(() -> limiter.acquire("r1", "client:idp")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void callersAndRealmsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(1, nanos::get);
        limiter.acquire("r1", "token:a");

        limiter.acquire("r1", "token:b");
        limiter.acquire("r2", "token:a");
        assertThatThrownBy(() -> limiter.acquire("r1", "token:a")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("r1", "token:a");
        }
        assertThat(limiter.perMinute()).isZero();
    }
}
