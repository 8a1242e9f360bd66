package io.collectflow.casework.stage;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a job of a case does when it runs at the same moment as a request: another transaction changes the
 * process instance's executions (their revision, as any engine step does), holds them for {@code hold} and
 * commits. A request that read the instance before that commit and writes it after is refused by Camunda with
 * an {@code OptimisticLockingException}, deterministically.
 */
public final class ConcurrentCaseChange implements AutoCloseable {

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private ConcurrentCaseChange(PlatformTransactionManager transactions, JdbcTemplate jdbc, String processInstanceId,
            Duration hold) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        thread = new Thread(() -> {
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.update("UPDATE ACT_RU_EXECUTION SET REV_ = REV_ + 1 WHERE PROC_INST_ID_ = ?", processInstanceId);
                    locked.countDown();
                    sleep(hold);
                });
            } catch (RuntimeException | Error e) {
                failure.set(e);
                locked.countDown();
            }
        }, "concurrent-case-change");
        thread.start();
        if (!locked.await(30, TimeUnit.SECONDS) || failure.get() != null) {
            throw new IllegalStateException("the concurrent change did not start", failure.get());
        }
    }

    /** Starts the other transaction and returns once it holds the instance's executions. */
    public static ConcurrentCaseChange start(PlatformTransactionManager transactions, JdbcTemplate jdbc,
            String processInstanceId, Duration hold) throws InterruptedException {
        return new ConcurrentCaseChange(transactions, jdbc, processInstanceId, hold);
    }

    /** Waits for the other transaction's commit. */
    @Override
    public void close() throws InterruptedException {
        thread.join(Duration.ofSeconds(30).toMillis());
        if (failure.get() != null) {
            throw new IllegalStateException("the concurrent change failed", failure.get());
        }
    }

    private static void sleep(Duration hold) {
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
