package io.collectflow.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.view.LoanViewService;

/**
 * Scores a loan (E2), classifies its overdue reason (E1/E4) and keeps every result in
 * risk_score_history. Called on each relevant event: payment posted, contact recorded, promise
 * settled, case prepared.
 */
public class RiskService {

    public static final String PAYMENT_POSTED = "PAYMENT_POSTED";
    public static final String CONTACT_RECORDED = "CONTACT_RECORDED";
    public static final String PROMISE_SETTLED = "PROMISE_SETTLED";
    public static final String CASE_PREPARED = "CASE_PREPARED";

    private final JdbcTemplate jdbc;
    private final RiskFactorReader reader;
    private final RiskRules rules;

    public RiskService(JdbcTemplate jdbc, LoanViewService loans, RiskRules rules) {
        this.jdbc = jdbc;
        this.reader = new RiskFactorReader(jdbc, loans);
        this.rules = rules;
    }

    public RiskAssessment assess(String loanNo, String trigger, Instant now) {
        RiskFactorReader.Inputs in = reader.read(loanNo);
        RiskRules.Classification reason = rules.classify(in.reportedReason(), in.notKeptPromises(), in.refusals());
        RiskScorecard.Score score = RiskScorecard.score(in.factors());
        String grade = rules.grade(score.total(), reason.malicious());
        jdbc.update("""
            INSERT INTO risk_score_history (loan_no, borrower_id, scored_at, trigger_event, score, grade, overdue_reason,
                malicious, dpd_points, amount_points, history_points, indebtedness_points, validity_points,
                responsiveness_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            loanNo, in.borrowerId(), Timestamp.from(now), trigger, score.total(), grade, reason.overdueReason(),
            reason.malicious(), score.dpd(), score.amount(), score.history(), score.indebtedness(), score.validity(),
            score.responsiveness());
        return new RiskAssessment(loanNo, score.total(), grade, reason.overdueReason(), reason.malicious(), score);
    }

    /**
     * Whether the loan is in collection's view: in arrears at the last scan, or scored before (it was in arrears
     * or had a case once). A payment re-scores only such loans; the monthly installment of a loan that never fell
     * behind is not a risk event, and scoring it would mean two decision evaluations and a history row for every
     * installment of the whole book.
     */
    public boolean inCollection(String loanNo) {
        Boolean in = jdbc.queryForObject("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM loan WHERE loan_no = ? AND dpd > 0)
                          OR EXISTS (SELECT 1 FROM risk_score_history WHERE loan_no = ?) THEN TRUE ELSE FALSE END""",
            Boolean.class, loanNo, loanNo);
        return Boolean.TRUE.equals(in);
    }

    /** The latest grade of the loan, if it was ever scored. */
    public Optional<String> latestGrade(String loanNo) {
        List<String> grades = jdbc.queryForList(
            "SELECT grade FROM risk_score_history WHERE loan_no = ? ORDER BY scored_at DESC, id DESC", String.class, loanNo);
        return grades.stream().findFirst();
    }

    public record RiskAssessment(String loanNo, int score, String grade, String overdueReason, boolean malicious,
            RiskScorecard.Score points) {
    }
}
