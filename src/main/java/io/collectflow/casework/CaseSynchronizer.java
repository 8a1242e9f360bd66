package io.collectflow.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.loan.delinquency.DelinquencyFollowUp;
import io.collectflow.loan.delinquency.DelinquencyProperties;

/**
 * The engine part of the scan: cures, bucket changes and new cases for every loan whose delinquency
 * state and case state disagree, in small transactions ({@code collectflow.delinquency.case-batch-size}
 * loans each), worked on by {@code collectflow.delinquency.case-threads} threads at once: the batches touch
 * different loans and different process instances, and most of a case start is waiting for the database. The
 * three kinds of work run one after the other (cures, then bucket changes, then new cases). A batch that fails
 * is retried loan by loan, so one bad loan cannot hold back the others; a loan that still fails is counted
 * and picked up again by the next scan.
 */
@Component
public class CaseSynchronizer implements DelinquencyFollowUp {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSynchronizer.class);

    private final CaseRegistry registry;
    private final CaseLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final int threads;

    public CaseSynchronizer(CaseRegistry registry, CaseLifecycle lifecycle, PlatformTransactionManager transactionManager,
                            DelinquencyProperties properties) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.tx = new TransactionTemplate(transactionManager);
        this.batchSize = properties.caseBatchSize();
        this.threads = properties.caseThreads();
    }

    @Override
    public Counts followUp(LocalDate asOf) {
        Outcome cured = inBatches(registry.casesToCure(), eachOf(work -> lifecycle.cure(work, asOf)));
        Outcome updated = inBatches(registry.casesWithNewBucket(), eachOf(work -> lifecycle.bucketChanged(work, asOf)));
        Outcome opened = inBatches(registry.loansNeedingCase(), batch -> lifecycle.openAll(batch, asOf));
        return new Counts(opened.done, updated.done, cured.done, opened.failed + updated.failed + cured.failed);
    }

    private Outcome inBatches(List<CaseWork> work, Step step) {
        List<List<CaseWork>> batches = new ArrayList<>();
        for (int from = 0; from < work.size(); from += batchSize) {
            batches.add(work.subList(from, Math.min(work.size(), from + batchSize)));
        }
        if (threads == 1 || batches.size() < 2) {
            return batches.stream().map(batch -> batch(batch, step)).reduce(new Outcome(), Outcome::plus);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, batches.size()), new Named());
        List<Future<Outcome>> results = batches.stream().map(batch -> pool.submit(() -> batch(batch, step))).toList();
        try {
            Outcome outcome = new Outcome();
            for (Future<Outcome> result : results) {
                outcome = outcome.plus(result.get());
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("case work interrupted; the next scan picks the rest up", e);
        } catch (ExecutionException e) {
            // what a batch could not handle itself (an Error, a crash of the node's resources): as without threads
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure
                : new IllegalStateException("case work failed", e.getCause());
        } finally {
            // batches not started are dropped (the next scan does them); the scan ends only when running ones have
            results.forEach(result -> result.cancel(false));
            pool.shutdown();
            awaitRunningBatches(pool);
        }
    }

    private static void awaitRunningBatches(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.warn("case batches still running after 10 minutes; the scan ends without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outcome batch(List<CaseWork> batch, Step step) {
        Outcome outcome = new Outcome();
        try {
            tx.executeWithoutResult(s -> step.apply(batch));
            outcome.done += batch.size();
        } catch (RuntimeException batchFailure) {
            LOG.warn("case batch of {} loans from {} failed ({}); retrying loan by loan", batch.size(),
                batch.get(0).loanNo(), batchFailure.toString());
            batch.forEach(item -> oneByOne(item, step, outcome));
        }
        return outcome;
    }

    private void oneByOne(CaseWork item, Step step, Outcome outcome) {
        try {
            tx.executeWithoutResult(s -> step.apply(List.of(item)));
            outcome.done++;
        } catch (RuntimeException e) {
            outcome.failed++;
            LOG.error("case work for loan {} failed; the next scan retries it", item.loanNo(), e);
        }
    }

    /** The work on a batch of loans, in one transaction. */
    @FunctionalInterface
    private interface Step {
        void apply(List<CaseWork> batch);
    }

    private static Step eachOf(Consumer<CaseWork> one) {
        return batch -> batch.forEach(one);
    }

    private static final class Outcome {
        int done;
        int failed;

        Outcome plus(Outcome other) {
            Outcome sum = new Outcome();
            sum.done = done + other.done;
            sum.failed = failed + other.failed;
            return sum;
        }
    }

    /** Threads named after the scan's case work, for thread dumps and logs. */
    private static final class Named implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "case-sync-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
