package io.collectflow.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.view.LoanStanding;
import io.collectflow.loan.view.LoanViewService;

/**
 * Reads the scorecard's inputs for one loan from our tables. Credit history, indebtedness and contact
 * validity look at all the borrower's loans; responsiveness and the overdue-reason inputs at this loan.
 */
public class RiskFactorReader {

    /** contact_log results and contact_report outcomes that show the contact data wrong or unreachable. */
    static final String INVALID_RESULTS = "'FAILED', 'WRONG_NUMBER', 'UNREACHABLE', 'UNDELIVERABLE', 'BOUNCED', 'NOT_MET'";

    private final JdbcTemplate jdbc;
    private final LoanViewService loans;

    public RiskFactorReader(JdbcTemplate jdbc, LoanViewService loans) {
        this.jdbc = jdbc;
        this.loans = loans;
    }

    public Inputs read(String loanNo) {
        LoanStanding loan = loans.standing(loanNo)
            .orElseThrow(() -> new NoSuchElementException("loan " + loanNo + " not found"));
        String borrowerId = loan.borrowerId();
        int delinquencies = count("""
            SELECT COUNT(*) FROM bucket_history h JOIN loan l ON l.loan_no = h.loan_no
             WHERE l.borrower_id = ? AND h.from_bucket = 'CURRENT' AND h.to_bucket <> 'CURRENT'""", borrowerId);
        int cures = count("""
            SELECT COUNT(*) FROM bucket_history h JOIN loan l ON l.loan_no = h.loan_no
             WHERE l.borrower_id = ? AND h.to_bucket = 'CURRENT' AND h.from_bucket <> 'CURRENT'""", borrowerId);
        int reports = count("""
            SELECT COUNT(*) FROM contact_report r JOIN loan l ON l.loan_no = r.loan_no WHERE l.borrower_id = ?""", borrowerId);
        int answered = count("""
            SELECT COUNT(*) FROM contact_report r JOIN loan l ON l.loan_no = r.loan_no
             WHERE l.borrower_id = ? AND r.reached = TRUE""", borrowerId);
        int invalidReports = count("SELECT COUNT(*) FROM contact_report r JOIN loan l ON l.loan_no = r.loan_no"
            + " WHERE l.borrower_id = ? AND r.outcome IN (" + INVALID_RESULTS + ")", borrowerId);
        int logged = count("SELECT COUNT(*) FROM contact_log WHERE borrower_id = ?", borrowerId);
        int invalidLogged = count("SELECT COUNT(*) FROM contact_log WHERE borrower_id = ? AND result IN ("
            + INVALID_RESULTS + ")", borrowerId);
        RiskFactors factors = new RiskFactors(loan.dpd(), loan.overdueAmount(), delinquencies, cures, debtToIncome(borrowerId),
            reports + logged, invalidReports + invalidLogged, answered, reports);
        List<String> reasons = jdbc.queryForList("""
            SELECT overdue_reason FROM contact_report WHERE loan_no = ? AND overdue_reason IS NOT NULL
             ORDER BY recorded_at DESC, id DESC""", String.class, loanNo);
        int refusals = count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ? AND outcome IN ('REFUSED', 'EVASIVE')",
            loanNo);
        int notKept = count("SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status IN ('BROKEN', 'PARTIALLY_KEPT')",
            loanNo);
        return new Inputs(borrowerId, factors, reasons.isEmpty() ? null : reasons.get(0), notKept, refusals);
    }

    /** Other debts / income of the borrower's latest plan application with a positive income; null if none. */
    private BigDecimal debtToIncome(String borrowerId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
            SELECT p.declared_income, p.other_debts FROM repayment_plan p JOIN loan l ON l.loan_no = p.loan_no
             WHERE l.borrower_id = ? AND p.declared_income > 0 ORDER BY p.created_at DESC, p.id DESC""", borrowerId);
        if (rows.isEmpty()) {
            return null;
        }
        BigDecimal income = new BigDecimal(rows.get(0).get("declared_income").toString());
        BigDecimal debts = new BigDecimal(rows.get(0).get("other_debts").toString());
        return debts.divide(income, 4, RoundingMode.HALF_UP);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** Scorecard factors plus the inputs of the overdue-reason decision. */
    public record Inputs(String borrowerId, RiskFactors factors, String reportedReason, int notKeptPromises, int refusals) {
    }
}
