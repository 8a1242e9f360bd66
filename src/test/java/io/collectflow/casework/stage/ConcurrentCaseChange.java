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
 * an {@code OptimisticLockingException}, deterministically. {@link #untilClosed} starts such a transaction again
 * the moment the last one committed, until closed: a request that retries meets a change on every attempt.
 */
public final class ConcurrentCaseChange implements AutoCloseable {

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    private ConcurrentCaseChange(PlatformTransactionManager transactions, JdbcTemplate jdbc, String processInstanceId,
            Duration hold, boolean repeat) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        thread = new Thread(() -> {
            try {
                do {
                    new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        jdbc.update("UPDATE ACT_RU_EXECUTION SET REV_ = REV_ + 1 WHERE PROC_INST_ID_ = ?", processInstanceId);
                        locked.countDown();
                        sleep(hold);
                    });
                } while (repeat && !closed);
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
        return new ConcurrentCaseChange(transactions, jdbc, processInstanceId, hold, false);
    }

    /** Such transactions one right after the other until {@link #close()}; returns once the first holds the executions. */
    public static ConcurrentCaseChange untilClosed(PlatformTransactionManager transactions, JdbcTemplate jdbc,
            String processInstanceId, Duration hold) throws InterruptedException {
        return new ConcurrentCaseChange(transactions, jdbc, processInstanceId, hold, true);
    }

    /** Waits for the other transaction's commit (the last one's, if repeated). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
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
