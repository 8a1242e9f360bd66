package io.collectflow.casework;

import java.time.LocalDate;
import java.util.List;
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
 * loans each). A batch that fails is retried loan by loan, so one bad loan cannot hold back the others;
 * a loan that still fails is counted and picked up again by the next scan.
 */
@Component
public class CaseSynchronizer implements DelinquencyFollowUp {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSynchronizer.class);

    private final CaseRegistry registry;
    private final CaseLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final int batchSize;

    public CaseSynchronizer(CaseRegistry registry, CaseLifecycle lifecycle, PlatformTransactionManager transactionManager,
                            DelinquencyProperties properties) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.tx = new TransactionTemplate(transactionManager);
        this.batchSize = properties.caseBatchSize();
    }

    @Override
    public Counts followUp(LocalDate asOf) {
        Outcome cured = inBatches(registry.casesToCure(), eachOf(work -> lifecycle.cure(work, asOf)));
        Outcome updated = inBatches(registry.casesWithNewBucket(), eachOf(work -> lifecycle.bucketChanged(work, asOf)));
        Outcome opened = inBatches(registry.loansNeedingCase(), batch -> lifecycle.openAll(batch, asOf));
        return new Counts(opened.done, updated.done, cured.done, opened.failed + updated.failed + cured.failed);
    }

    private Outcome inBatches(List<CaseWork> work, Step step) {
        Outcome outcome = new Outcome();
        for (int from = 0; from < work.size(); from += batchSize) {
            List<CaseWork> batch = work.subList(from, Math.min(work.size(), from + batchSize));
            try {
                tx.executeWithoutResult(s -> step.apply(batch));
                outcome.done += batch.size();
            } catch (RuntimeException batchFailure) {
                LOG.warn("case batch of {} loans from {} failed ({}); retrying loan by loan", batch.size(),
                    batch.get(0).loanNo(), batchFailure.toString());
                batch.forEach(item -> oneByOne(item, step, outcome));
            }
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
    }
}
