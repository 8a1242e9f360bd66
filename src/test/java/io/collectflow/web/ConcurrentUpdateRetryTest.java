package io.collectflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConcurrentUpdateRetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private String failingTimes(int failures) {
        if (attempts.incrementAndGet() <= failures) {
            throw new OptimisticLockingException("ACT_RU_EXECUTION was updated by another transaction concurrently");
        }
        return "done";
    }

    @Test
    void aTransactionThatMetAConcurrentUpdateRunsAgain() {
        assertThat(ConcurrentUpdateRetry.call(3, () -> failingTimes(2))).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void afterTheLastAttemptTheConflictReachesTheCaller() {
        assertThatThrownBy(() -> ConcurrentUpdateRetry.call(3, () -> failingTimes(3)))
            .isInstanceOf(OptimisticLockingException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> ConcurrentUpdateRetry.call(3, () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("no such loan");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }
}
