package io.collectflow.arrangement.promise;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.loan.delinquency.ScanLock;
import io.collectflow.risk.RiskService;

/**
 * The daily promise settlement (issue 5 §1): every open promise whose promise date + grace has passed is
 * decided KEPT, PARTIALLY_KEPT or BROKEN, whether or not a case timer is still waiting for it (a case that
 * moved on to another stage, or ended, no longer checks its promise). One node of a cluster runs it (scan
 * lock {@value #LOCK_NAME}); it is idempotent: a promise is decided once, by whoever comes first (the case
 * timer or this job). Each loan with a decided promise is re-scored (trigger PROMISE_SETTLED), and a loan
 * whose promise was not kept gets a {@link PromiseBroken} event, which tells its case.
 */
public class PromiseSettlementService {

    public static final String LOCK_NAME = "promise-settlement";

    private static final Logger LOG = LoggerFactory.getLogger(PromiseSettlementService.class);

    private final PromiseLedger ledger;
    private final ScanLock lock;
    private final RiskService risk;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Duration lockAtMost;

    public PromiseSettlementService(PromiseLedger ledger, ScanLock lock, RiskService risk,
            ApplicationEventPublisher events, TransactionTemplate tx, Duration lockAtMost) {
        this.ledger = ledger;
        this.lock = lock;
        this.risk = risk;
        this.events = events;
        this.tx = tx;
        this.lockAtMost = lockAtMost;
    }

    /** Settles what is due on {@code today}; empty when another node is settling right now. */
    public Optional<Result> settleDue(LocalDate today, Instant now) {
        Optional<ScanLock.Lease> lease = lock.tryAcquire(LOCK_NAME, lockAtMost);
        if (lease.isEmpty()) {
            LOG.info("promise settlement skipped: held by {}", lock.describeHolder(LOCK_NAME));
            return Optional.empty();
        }
        try (ScanLock.Lease held = lease.get()) {
            // the verdicts commit together; re-scoring and case messages follow, loan by loan
            List<PromiseLedger.Settlement> settled = tx.execute(status -> ledger.settleDue(today, now));
            Map<String, Boolean> brokenPerLoan = new LinkedHashMap<>();
            int notKept = 0;
            for (PromiseLedger.Settlement s : settled) {
                brokenPerLoan.merge(s.loanNo(), !s.kept(), Boolean::logicalOr);
                notKept += s.kept() ? 0 : 1;
            }
            int failed = 0;
            for (Map.Entry<String, Boolean> loan : brokenPerLoan.entrySet()) {
                if (!followUp(loan.getKey(), loan.getValue(), now)) {
                    failed++;
                }
            }
            LOG.info("promise settlement of {}: {} promises decided ({} not kept) on {} loans, {} follow-ups failed",
                today, settled.size(), notKept, brokenPerLoan.size(), failed);
            return Optional.of(new Result(settled.size(), notKept, brokenPerLoan.size(), failed));
        }
    }

    /** Re-scores the loan and, when a promise was not kept, tells its case; a failure is logged and counted. */
    private boolean followUp(String loanNo, boolean broken, Instant now) {
        try {
            RiskService.RiskAssessment assessment = risk.assess(loanNo, RiskService.PROMISE_SETTLED, now);
            if (broken) {
                events.publishEvent(new PromiseBroken(loanNo, ledger.notKept(loanNo), assessment.grade(),
                    assessment.overdueReason(), assessment.malicious()));
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("follow-up of the settled promises of loan {} failed", loanNo, e);
            return false;
        }
    }

    /** What one run did: promises decided, of them not kept, loans touched, loans whose follow-up failed. */
    public record Result(int settled, int notKept, int loans, int failedFollowUps) {
    }
}
