package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.security.audit.AuditLog;

/**
 * An entry recorded inside a transaction joins the chain when that transaction commits: it commits or rolls back
 * with the audited change, and the chain head is locked only while committing, so a long transaction that
 * recorded something does not hold up everyone else's records.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditAppendTest {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aTransactionStillAtWorkDoesNotHoldUpAnotherTransactionsRecord() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> slow = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record("slow", "TEST", "thing", "SLOW-1", "recorded first, committed last");
            recorded.countDown();
            await(finish);
        }));
        assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();

        // another transaction records and commits while the first is still at work (before: it waited for the lock
        // on the chain head until the first committed, here until H2's lock timeout)
        TransactionTemplate quick = new TransactionTemplate(transactions);
        quick.setTimeout(3);
        quick.executeWithoutResult(status -> audit.record("quick", "TEST", "thing", "QUICK-1", "recorded second"));
        assertThat(subjects()).contains("QUICK-1").doesNotContain("SLOW-1");

        finish.countDown();
        slow.get(10, TimeUnit.SECONDS);
        List<String> subjects = subjects();
        assertThat(subjects.indexOf("QUICK-1")).as("chained in the order of the commits")
            .isLessThan(subjects.indexOf("SLOW-1"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoEntryAndTheChainWhole() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.record("someone", "TEST", "thing", "ROLLED-BACK-1", null);
            throw new IllegalStateException("the audited change fails");
        })).hasMessage("the audited change fails");

        assertThat(subjects()).doesNotContain("ROLLED-BACK-1");
        audit.record("someone", "TEST", "thing", "AFTER-ROLLBACK-1", null);
        assertThat(audit.last().orElseThrow().subjectId()).isEqualTo("AFTER-ROLLBACK-1");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void anInnerTransactionOfItsOwnCommitsItsEntriesWithoutTheOuterOnes() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            audit.record("someone", "TEST", "thing", "OUTER-1", null);
            inner.executeWithoutResult(s -> audit.record("someone", "TEST", "thing", "INNER-1", null));
            assertThat(subjects()).as("committed by the inner transaction").contains("INNER-1");
            throw new IllegalStateException("the outer change fails");
        })).hasMessage("the outer change fails");

        assertThat(subjects()).contains("INNER-1").doesNotContain("OUTER-1");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void anEntryRecordedWhileTheTransactionCommitsIsNotLost() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record("someone", "TEST", "thing", "BEFORE-COMMIT-1", null);
            // a synchronization registered after the audit trail's, recording as the transaction commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    audit.record("someone", "TEST", "thing", "WHILE-COMMITTING-1", null);
                }
            });
        });

        assertThat(subjects()).contains("BEFORE-COMMIT-1", "WHILE-COMMITTING-1");
        assertThat(audit.verify().valid()).isTrue();
    }

    private List<String> subjects() {
        return jdbc.queryForList("SELECT subject_id FROM audit_event WHERE action = 'TEST' ORDER BY id", String.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
