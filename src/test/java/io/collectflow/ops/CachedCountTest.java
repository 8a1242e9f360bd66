package io.collectflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CachedCountTest {

    private Instant now = Instant.parse("2026-01-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void queriesAtMostOncePerRefreshInterval() {
        AtomicInteger queries = new AtomicInteger();
        CachedCount count = new CachedCount("jobs", () -> 10L * queries.incrementAndGet(), Duration.ofSeconds(30), clock);

        assertThat(count.value()).isEqualTo(10.0);
        now = now.plusSeconds(29);
        assertThat(count.value()).isEqualTo(10.0);
        now = now.plusSeconds(1);
        assertThat(count.value()).isEqualTo(20.0);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailingQueryGivesNaNAndIsRetriedAfterTheInterval() {
        AtomicInteger calls = new AtomicInteger();
        CachedCount count = new CachedCount("incidents", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 3;
        }, Duration.ofSeconds(30), clock);

        assertThat(count.value()).isNaN();
        now = now.plusSeconds(30);
        assertThat(count.value()).isEqualTo(3.0);
    }
}
