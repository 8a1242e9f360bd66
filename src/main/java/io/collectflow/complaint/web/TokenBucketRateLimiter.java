package io.collectflow.complaint.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key: {@code capacity} requests in a burst, one token back every {@code refillEvery}.
 * Buckets of idle clients (full again) are forgotten once more than {@code maxClients} are kept.
 */
public class TokenBucketRateLimiter {

    /** The answer: allowed, or how long to wait for the next token. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private final int capacity;
    private final long refillNanos;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(int capacity, Duration refillEvery, int maxClients, LongSupplier nanoTime) {
        if (capacity < 1 || refillEvery.isZero() || refillEvery.isNegative()) {
            throw new IllegalArgumentException("rate limit needs capacity >= 1 and a positive refill interval");
        }
        this.capacity = capacity;
        this.refillNanos = refillEvery.toNanos();
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    public Decision tryAcquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > maxClients) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(client, k -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        /** tokens scaled by refillNanos, so partial tokens accrue exactly */
        private long scaledTokens;
        private long updatedAt;

        Bucket(long now) {
            this.scaledTokens = capacity * refillNanos;
            this.updatedAt = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (scaledTokens >= refillNanos) {
                scaledTokens -= refillNanos;
                return new Decision(true, Duration.ZERO);
            }
            return new Decision(false, Duration.ofNanos(refillNanos - scaledTokens));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return scaledTokens >= capacity * refillNanos;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updatedAt);
            scaledTokens = Math.min(capacity * refillNanos, scaledTokens + elapsed);
            updatedAt = now;
        }
    }
}
