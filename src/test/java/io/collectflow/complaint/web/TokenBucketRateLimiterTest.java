package io.collectflow.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket with a hand-moved clock. */
class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(3, Duration.ofSeconds(10), 2, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aBurstUpToTheCapacityPassesThenTheClientWaitsForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("1.2.3.4").allowed()).isTrue();
        }
        TokenBucketRateLimiter.Decision refused = limiter.tryAcquire("1.2.3.4");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        advance(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire("1.2.3.4").retryAfter()).isEqualTo(Duration.ofSeconds(6));
        advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("1.2.3.4").allowed()).isTrue();
        assertThat(limiter.tryAcquire("1.2.3.4").allowed()).isFalse();
    }

    @Test
    void clientsHaveTheirOwnBucketsAndIdleOnesRefillOnlyUpToTheCapacity() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        // more clients than kept: full buckets are forgotten, busy ones keep their state
        limiter.tryAcquire("c");
        limiter.tryAcquire("d");
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void aUselessConfigurationIsRefused() {
        assertThatThrownBy(() -> new TokenBucketRateLimiter(0, Duration.ofSeconds(1), 10, now::get))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucketRateLimiter(1, Duration.ZERO, 10, now::get))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
