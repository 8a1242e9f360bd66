package io.collectflow.risk;

import static io.collectflow.casework.CollectionCase.Elements.VISIT_BORROWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.payment.PaymentService;

/**
 * E2 "recomputed on every relevant event" on the real application: an automated contact's outcome in
 * the contact log (after its commit only), a contact about the borrower, a visit report and a payment
 * each add a scored row to the history, and the score follows the event.
 */
class RiskTriggersTest extends CaseProcessTestSupport {

    @Autowired
    ContactLog contactLog;
    @Autowired
    PaymentService payments;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFailedAutomatedContactIsScoredOnceCommitted() {
        String loanNo = fixtures.loan(20, today());

        logContact(loanNo, Channel.SMS, ContactLogEntry.RESULT_FAILED);

        // one attempt, and it failed: contact validity 100 of 100
        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(1);
        assertThat(latest(loanNo, "validity_points")).isEqualTo(100);
        logContact(loanNo, Channel.EMAIL, ContactLogEntry.RESULT_SENT);
        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(2);
        assertThat(latest(loanNo, "validity_points")).isEqualTo(50);

        // a contact whose transaction rolls back leaves no score behind; a committed one is scored after the commit
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            logContact(loanNo, Channel.VOICE, ContactLogEntry.RESULT_FAILED);
            status.setRollbackOnly();
        });
        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(2);
        tx.executeWithoutResult(status -> {
            logContact(loanNo, Channel.VOICE, ContactLogEntry.RESULT_FAILED);
            assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).as("not before the commit").isEqualTo(2);
        });
        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(3);
        // 2 failed of 3 attempts → 67
        assertThat(latest(loanNo, "validity_points")).isEqualTo(67);
    }

    @Test
    void aContactAboutTheBorrowerRescoresTheBorrowersOverdueLoans() {
        String loanNo = fixtures.loan(20, today());

        logContact(null, "B-" + loanNo, Channel.SMS, ContactLogEntry.RESULT_FAILED);

        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(1);
    }

    @Test
    void aVisitReportIsScoredAndReachesTheCase() {
        String loanNo = fixtures.loan(100, today());
        ProcessInstance pi = startCase(loanNo, 100);
        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isZero();

        Map<String, Object> visit = new HashMap<>();
        visit.put(Vars.VISIT_MODE, "VIDEO");
        visit.put(Vars.VISIT_OUTCOME, "NOT_MET");
        complete(singleTask(pi, VISIT_BORROWER), visit);

        assertThat(rows(loanNo, RiskService.CONTACT_RECORDED)).isEqualTo(1);
        // the borrower was not met: one report, not answered → responsiveness 100; NOT_MET is an invalid contact
        assertThat(latest(loanNo, "responsiveness_points")).isEqualTo(100);
        assertThat(latest(loanNo, "validity_points")).isEqualTo(100);
        assertThat(variable(pi, Vars.RISK_GRADE)).isEqualTo(
            jdbc.queryForObject("SELECT grade FROM risk_score_history WHERE loan_no = ? AND trigger_event = ?",
                String.class, loanNo, RiskService.CONTACT_RECORDED));
    }

    @Test
    void aPaymentIsScored() {
        String loanNo = fixtures.loan(20, today());

        payments.post(new PaymentCommand("RISK-" + loanNo, loanNo, today(), new BigDecimal("50.00"), "bank"));

        assertThat(rows(loanNo, RiskService.PAYMENT_POSTED)).isEqualTo(1);
    }

    @Test
    void theInstallmentOfALoanThatNeverFellBehindIsNotScored() {
        String loanNo = fixtures.loan(0, today());

        payments.post(new PaymentCommand("RISK-" + loanNo, loanNo, today(), new BigDecimal("50.00"), "bank"));

        assertThat(rows(loanNo, RiskService.PAYMENT_POSTED)).isZero();
    }

    private void logContact(String loanNo, Channel channel, String result) {
        logContact(loanNo, "B-" + loanNo, channel, result);
    }

    private void logContact(String loanNo, String borrowerId, Channel channel, String result) {
        contactLog.append(new ContactLogEntry(null, Instant.now(), loanNo, borrowerId, channel, "REMINDER_30", null,
            null, null, result, Operator.SYSTEM, null, null, null));
    }

    private int rows(String loanNo, String trigger) {
        return fixtures.count("SELECT COUNT(*) FROM risk_score_history WHERE loan_no = ? AND trigger_event = ?",
            loanNo, trigger);
    }

    private int latest(String loanNo, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM risk_score_history WHERE loan_no = ?"
            + " ORDER BY scored_at DESC, id DESC LIMIT 1", Integer.class, loanNo);
    }
}
