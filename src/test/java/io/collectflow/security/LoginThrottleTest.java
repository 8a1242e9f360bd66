package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves forward. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final StepClock clock = new StepClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, Duration.ofMinutes(10), Duration.ofMinutes(15)), clock);

    @Test
    void locksAfterTheLimitWithinTheWindowAndUnlocksAfterTheLockDuration() {
        throttle.failed("Collector1");
        throttle.failed("collector1");
        assertThat(throttle.isLocked("collector1")).isFalse();
        throttle.failed("collector1 ");
        assertThat(throttle.isLocked("collector1")).isTrue();
        assertThat(throttle.isLocked("collector2")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.isLocked("collector1")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(throttle.isLocked("collector1")).isFalse();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        throttle.failed("u");
        throttle.failed("u");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        throttle.failed("u");
        assertThat(throttle.isLocked("u")).isFalse();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        throttle.failed("u");
        throttle.failed("u");
        throttle.succeeded("u");
        throttle.failed("u");
        assertThat(throttle.isLocked("u")).isFalse();
    }
}
