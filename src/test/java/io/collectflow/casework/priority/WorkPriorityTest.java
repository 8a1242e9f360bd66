package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** A task is due 100 − points hours after its creation, never before it. */
class WorkPriorityTest {

    @Test
    void eachPointIsOneHourSoonerAndAHundredOrMoreIsDueAtOnce() {
        Date created = Date.from(Instant.parse("2026-03-02T09:00:00Z"));

        assertThat(WorkPriority.dueAfter(WorkPriority.DEFAULT)).isEqualTo(Duration.ofHours(50));
        assertThat(WorkPriority.dueAfter(10)).isEqualTo(Duration.ofHours(90));
        assertThat(WorkPriority.dueAfter(130)).isZero();
        assertThat(WorkPriority.dueDate(created, 70)).isEqualTo(Date.from(Instant.parse("2026-03-03T15:00:00Z")));
    }
}
