package io.collectflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.loan.PlainDatabase;
import io.collectflow.loan.view.LoanViewService;

/** Scoring one loan from the database: every dimension fed by a fixture row, values computed by hand. */
class RiskServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final PlainDatabase db = PlainDatabase.h2();
    private final CaseFixtures fixtures = new CaseFixtures(db.jdbc);
    private final RiskService risk = new RiskService(db.jdbc, new LoanViewService(db.jdbc), new FileRiskRules());

    @Test
    void everyDimensionCounts() {
        String loanNo = fixtures.loan(95, TODAY);
        String borrowerId = "B-" + loanNo;
        db.jdbc.update("UPDATE loan SET dpd = 95, overdue_amount = 2500 WHERE loan_no = ?", loanNo);
        // two delinquencies, one cure → 2 × 50 − 25 = 75
        history(loanNo, TODAY.minusYears(2), "CURRENT", "DPD_1_29");
        history(loanNo, TODAY.minusYears(2).plusDays(20), "DPD_1_29", "CURRENT");
        history(loanNo, TODAY.minusDays(95), "CURRENT", "DPD_1_29");
        // other debts 900 / income 2,000 = 0.45 → 50
        db.jdbc.update("""
            INSERT INTO repayment_plan (loan_no, status, declared_income, other_debts, max_installment, total_amount,
                installment_count, first_due_on, created_at) VALUES (?, 'REJECTED', 2000, 900, 0, 1000, 2, ?, ?)""",
            loanNo, Date.valueOf(TODAY), Timestamp.from(NOW));
        // 4 reports, 1 answered → 3/4 unanswered → 75; invalid: NOT_MET report + FAILED log = 2 of 5 → 40
        report(loanNo, true, "REFUSED", "CASH_FLOW");
        report(loanNo, false, "NO_ANSWER", null);
        report(loanNo, false, "NO_ANSWER", null);
        report(loanNo, false, "NOT_MET", null);
        db.jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type, recorded_at)
            VALUES (?, ?, ?, 'sms', 'FAILED', 'system', 'SYSTEM', ?)""", Timestamp.from(NOW), loanNo, borrowerId,
            Timestamp.from(NOW));

        RiskService.RiskAssessment a = risk.assess(loanNo, RiskService.CONTACT_RECORDED, NOW);

        // dpd 95 → 240, 2,500 → 100
        assertThat(a.points()).isEqualTo(new RiskScorecard.Score(240, 100, 75, 50, 40, 75));
        assertThat(a.score()).isEqualTo(580);
        assertThat(a.grade()).isEqualTo("MEDIUM");
        assertThat(a.overdueReason()).isEqualTo("CASH_FLOW");
        assertThat(a.malicious()).isFalse();
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM risk_score_history WHERE loan_no = ?", loanNo);
        assertThat(row).containsEntry("SCORE", 580).containsEntry("GRADE", "MEDIUM")
            .containsEntry("TRIGGER_EVENT", "CONTACT_RECORDED").containsEntry("BORROWER_ID", borrowerId);
        assertThat(risk.latestGrade(loanNo)).contains("MEDIUM");
    }

    @Test
    void brokenPromisesAndRefusalsMakeAMaliciousHighRisk() {
        String loanNo = fixtures.loan(10, TODAY);
        long report = report(loanNo, true, "REFUSED", "CASH_FLOW");
        for (int i = 0; i < 2; i++) {
            db.jdbc.update("""
                INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status)
                VALUES (?, ?, ?, ?, 100, 'BROKEN')""", loanNo, report, Date.valueOf(TODAY), Date.valueOf(TODAY));
        }
        RiskService.RiskAssessment a = risk.assess(loanNo, RiskService.PROMISE_SETTLED, NOW);
        // 60 + 50 + 0 + 75 + 0 (0 of 1 invalid) + 0 (1 of 1 answered) = 185, but malicious → HIGH
        assertThat(a.score()).isEqualTo(185);
        assertThat(a.malicious()).isTrue();
        assertThat(a.overdueReason()).isEqualTo("MALICIOUS");
        assertThat(a.grade()).isEqualTo("HIGH");
    }

    private void history(String loanNo, LocalDate asOf, String from, String to) {
        db.jdbc.update("""
            INSERT INTO bucket_history (loan_no, as_of, from_bucket, to_bucket, dpd, overdue_amount)
            VALUES (?, ?, ?, ?, 1, 100)""", loanNo, Date.valueOf(asOf), from, to);
    }

    private long report(String loanNo, boolean reached, String outcome, String reason) {
        db.jdbc.update("""
            INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, overdue_reason, recorded_by, recorded_at)
            VALUES (?, 'FIRST_LINE', 'CALL', ?, ?, ?, 'collector1', ?)""", loanNo, reached, outcome, reason,
            Timestamp.from(NOW));
        return db.jdbc.queryForObject("SELECT MAX(id) FROM contact_report", Long.class);
    }
}
