package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.PlainDatabase;

/** The throttle over a real database (H2 with our migrations); two instances stand for two cluster nodes. */
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
    final LoginProperties limits = new LoginProperties(3, Duration.ofMinutes(10), Duration.ofMinutes(15));
    final PlainDatabase db = PlainDatabase.h2();
    final LoginThrottle throttle = new LoginThrottle(limits, clock, db.jdbc);
    /** A second node: its own throttle over the same database. */
    final LoginThrottle otherNode = new LoginThrottle(limits, clock, db.jdbc);

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

    @Test
    void nodesShareTheCountAndTheLock() {
        throttle.failed("roaming");
        otherNode.failed("roaming");
        assertThat(throttle.isLocked("roaming")).isFalse();
        assertThat(otherNode.isLocked("roaming")).isFalse();
        throttle.failed("roaming");
        assertThat(otherNode.isLocked("roaming")).as("locked on the node that did not see the last failure").isTrue();
        assertThat(throttle.isLocked("roaming")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(otherNode.isLocked("roaming")).isFalse();
    }

    @Test
    void aSuccessOnOneNodeClearsTheCountOnAll() {
        throttle.failed("u");
        throttle.failed("u");
        otherNode.succeeded("u");
        throttle.failed("u");
        assertThat(otherNode.isLocked("u")).isFalse();
    }

    @Test
    void expiredFailuresAndLocksAreDeleted() {
        throttle.failed("a");
        throttle.failed("b");
        throttle.failed("b");
        throttle.failed("b");
        assertThat(rows("login_failure")).isEqualTo(1);
        assertThat(rows("login_lock")).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        otherNode.failed("c");
        assertThat(rows("login_failure")).as("only c's fresh failure").isEqualTo(1);
        assertThat(rows("login_lock")).isZero();
    }

    @Test
    void hugeUserNamesAreHashedNotTruncated() {
        String a = "x".repeat(300) + "a";
        String b = "x".repeat(300) + "b";
        for (int i = 0; i < 3; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.isLocked(a)).isTrue();
        assertThat(throttle.isLocked(b)).isFalse();
    }

    private int rows(String table) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
