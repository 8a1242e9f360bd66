package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

/**
 * A task is due 100 − points hours after its creation, never before it; re-scored, it keeps a later due date the guard
 * (or a person) gave it.
 */
class WorkPriorityTest {

    @Test
    void eachPointIsOneHourSoonerAndAHundredOrMoreIsDueAtOnce() {
        Date created = Date.from(Instant.parse("2026-03-02T09:00:00Z"));

        assertThat(WorkPriority.dueAfter(WorkPriority.DEFAULT)).isEqualTo(Duration.ofHours(50));
        assertThat(WorkPriority.dueAfter(10)).isEqualTo(Duration.ofHours(90));
        assertThat(WorkPriority.dueAfter(130)).isZero();
        assertThat(WorkPriority.dueDate(created, 70)).isEqualTo(Date.from(Instant.parse("2026-03-03T15:00:00Z")));
    }

    @Test
    void aReScoredTaskIsDueByItsNewPointsUnlessItWasMadeDueLater() {
        Date created = Date.from(Instant.parse("2026-03-02T09:00:00Z"));
        Date byFifty = WorkPriority.dueDate(created, 50);
        Date movedByTheGuard = Date.from(Instant.parse("2026-03-05T01:00:00Z"));

        // due as its points said: the new points decide, sooner or later
        assertThat(WorkPriority.rescoredDueDate(created, 50, byFifty, 70)).isEqualTo(WorkPriority.dueDate(created, 70));
        assertThat(WorkPriority.rescoredDueDate(created, 50, byFifty, 20)).isEqualTo(WorkPriority.dueDate(created, 20));
        // made due later (not before the guard lets it be worked): kept while the new points give an earlier date ...
        assertThat(WorkPriority.rescoredDueDate(created, 50, movedByTheGuard, 70)).isEqualTo(movedByTheGuard);
        assertThat(WorkPriority.rescoredDueDate(created, 50, movedByTheGuard, 40)).isEqualTo(movedByTheGuard);
        // ... and the new points' date once it is later still
        assertThat(WorkPriority.rescoredDueDate(created, 50, movedByTheGuard, 10)).isEqualTo(WorkPriority.dueDate(created, 10));
        // no due date yet: the new points'
        assertThat(WorkPriority.rescoredDueDate(created, 50, null, 70)).isEqualTo(WorkPriority.dueDate(created, 70));
    }
}
