package io.collectflow.arrangement;

import static io.collectflow.casework.CollectionCase.Elements.CALL_BORROWER;
import static io.collectflow.casework.CollectionCase.Elements.VISIT_BORROWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.arrangement.promise.PromiseLedger;
import io.collectflow.arrangement.promise.PromiseSettlementService;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.loan.delinquency.ScanLock;

/**
 * The daily promise settlement on the real application: promises no case timer checks any more are
 * decided, the loan is re-scored, a broken promise reaches the case (strategy re-evaluated), a second
 * run changes nothing, and a run that finds the lock taken does nothing.
 */
class PromiseSettlementTest extends CaseProcessTestSupport {

    @Autowired
    PromiseSettlementService settlement;
    @Autowired
    ScanLock lock;

    @Test
    void aBrokenPromiseIsSettledRescoredAndMovesTheCase() {
        // 65 days past due: first line, until a second promise is broken (collection-strategy.dmn)
        String loanNo = fixtures.loan(65, today());
        ProcessInstance pi = startCase(loanNo, 65);
        singleTask(pi, CALL_BORROWER);
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.FIRST_LINE);
        long refused = report(loanNo, "REFUSED");
        promise(loanNo, refused, today().minusDays(40), "BROKEN");
        long open = promise(loanNo, refused, today().minusDays(10), PromiseLedger.OPEN);
        int scoredBefore = history(loanNo, "PROMISE_SETTLED");

        Optional<PromiseSettlementService.Result> run = settlement.settleDue(today(), now());

        assertThat(run).isPresent();
        assertThat(run.get().notKept()).isGreaterThanOrEqualTo(1);
        assertThat(status(open)).isEqualTo(PromiseLedger.BROKEN);
        assertThat(history(loanNo, "PROMISE_SETTLED")).isEqualTo(scoredBefore + 1);
        // two promises broken and a refusal: overdue-reason.dmn calls it malicious, the grade is HIGH
        assertThat(jdbc.queryForObject("""
            SELECT overdue_reason || '/' || grade FROM risk_score_history WHERE loan_no = ? AND trigger_event = 'PROMISE_SETTLED'""",
            String.class, loanNo)).isEqualTo("MALICIOUS/HIGH");
        runJobs();
        assertThat(variable(pi, Vars.BROKEN_PROMISES)).isEqualTo(2);
        assertThat(variable(pi, Vars.OVERDUE_REASON)).isEqualTo("MALICIOUS");
        assertThat(variable(pi, Vars.RISK_GRADE)).isEqualTo("HIGH");
        // the strategy saw the second broken promise: the case moved to the second line
        assertThat(pi).hasPassed("Task_ReevaluateStrategy", "EndEvent_CaseMoved");
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.SECOND_LINE);
        singleTask(pi, VISIT_BORROWER);

        // idempotent: a second run decides nothing, scores nothing, tells no case
        assertThat(settlement.settleDue(today(), now())).get().extracting(PromiseSettlementService.Result::settled)
            .isEqualTo(0);
        assertThat(history(loanNo, "PROMISE_SETTLED")).isEqualTo(scoredBefore + 1);
    }

    @Test
    void aKeptPromiseIsRescoredButLeavesTheCaseAlone() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = startCase(loanNo, 20);
        long promise = promise(loanNo, report(loanNo, "PROMISE_TO_PAY"), today().minusDays(5), PromiseLedger.OPEN);
        fixtures.pay(loanNo, today().minusDays(6), new BigDecimal("100.00"));

        settlement.settleDue(today(), now());

        assertThat(status(promise)).isEqualTo(PromiseLedger.KEPT);
        assertThat(history(loanNo, "PROMISE_SETTLED")).isEqualTo(1);
        assertThat(pi).hasNotPassed("Task_ReevaluateStrategy");
        singleTask(pi, CALL_BORROWER);
    }

    @Test
    void aPromiseStillInItsGraceIsNotDecided() {
        String loanNo = fixtures.loan(20, today());
        // promise date yesterday: the grace (2 days) has not passed
        long promise = promise(loanNo, report(loanNo, "PROMISE_TO_PAY"), today().minusDays(1), PromiseLedger.OPEN);

        settlement.settleDue(today(), now());

        assertThat(status(promise)).isEqualTo(PromiseLedger.OPEN);
    }

    @Test
    void anotherNodeHoldingTheLockMeansThisRunDoesNothing() {
        String loanNo = fixtures.loan(20, today());
        long promise = promise(loanNo, report(loanNo, "PROMISE_TO_PAY"), today().minusDays(10), PromiseLedger.OPEN);

        try (ScanLock.Lease otherNode = lock.tryAcquire(PromiseSettlementService.LOCK_NAME, Duration.ofMinutes(5))
                .orElseThrow()) {
            assertThat(settlement.settleDue(today(), now())).isEmpty();
            assertThat(status(promise)).isEqualTo(PromiseLedger.OPEN);
        }
        assertThat(settlement.settleDue(today(), now())).isPresent();
        assertThat(status(promise)).isEqualTo(PromiseLedger.BROKEN);
    }

    private static Instant now() {
        return Instant.now();
    }

    private long report(String loanNo, String outcome) {
        jdbc.update("""
            INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, recorded_by, recorded_at)
            VALUES (?, 'FIRST_LINE', 'CALL', TRUE, ?, 'collector1', ?)""", loanNo, outcome, Timestamp.from(now()));
        return jdbc.queryForObject("SELECT MAX(id) FROM contact_report WHERE loan_no = ?", Long.class, loanNo);
    }

    private long promise(String loanNo, long reportId, LocalDate promiseDate, String status) {
        jdbc.update("""
            INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status)
            VALUES (?, ?, ?, ?, 100, ?)""", loanNo, reportId, Date.valueOf(promiseDate.minusDays(7)),
            Date.valueOf(promiseDate), status);
        return jdbc.queryForObject("SELECT MAX(id) FROM promise_to_pay WHERE loan_no = ?", Long.class, loanNo);
    }

    private String status(long promiseId) {
        return jdbc.queryForObject("SELECT status FROM promise_to_pay WHERE id = ?", String.class, promiseId);
    }

    private int history(String loanNo, String trigger) {
        return fixtures.count("SELECT COUNT(*) FROM risk_score_history WHERE loan_no = ? AND trigger_event = ?",
            loanNo, trigger);
    }
}
