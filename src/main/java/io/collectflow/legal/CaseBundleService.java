package io.collectflow.legal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.security.pii.BorrowerPii;

/** Reads the {@link CaseBundle} of a loan from the loan book and the contact log. */
@Service
public class CaseBundleService {

    private final JdbcTemplate jdbc;
    private final BorrowerPii pii;

    public CaseBundleService(JdbcTemplate jdbc, BorrowerPii pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    public CaseBundle bundle(String loanNo) {
        List<CaseBundle> found = jdbc.query("""
            SELECT l.loan_no, l.borrower_id, b.name, b.address, l.product, l.principal, l.disbursed_on, l.dpd,
                   l.overdue_amount,
                   (SELECT COALESCE(SUM(i.principal_due - i.principal_paid), 0) FROM installment i
                     WHERE i.loan_no = l.loan_no) AS outstanding
              FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id WHERE l.loan_no = ?""",
            (rs, n) -> new CaseBundle(rs.getString("loan_no"), rs.getString("borrower_id"), rs.getString("name"),
                pii.open(BorrowerPii.ADDRESS, rs.getString("address")), rs.getString("product"), rs.getBigDecimal("principal"),
                rs.getDate("disbursed_on").toLocalDate(), rs.getInt("dpd"), rs.getBigDecimal("overdue_amount"),
                rs.getBigDecimal("outstanding"), schedule(loanNo), payments(loanNo), contacts(loanNo)),
            loanNo);
        if (found.isEmpty()) {
            throw new UnknownLoanException(loanNo);
        }
        return found.get(0);
    }

    /** Amount still owed: unpaid principal, interest and penalty of every installment, and penalty accrued on the loan. */
    public BigDecimal balance(String loanNo) {
        BigDecimal balance = jdbc.queryForObject("""
            SELECT COALESCE(SUM(principal_due + interest_due + penalty_due - principal_paid - interest_paid
                   - penalty_paid), 0) + COALESCE((SELECT l.penalty_pending FROM loan l WHERE l.loan_no = ?), 0)
              FROM installment WHERE loan_no = ?""", BigDecimal.class, loanNo, loanNo);
        return balance == null ? BigDecimal.ZERO : balance;
    }

    private List<String> schedule(String loanNo) {
        return jdbc.query("""
            SELECT seq, due_on, principal_due, interest_due, penalty_due, principal_paid + interest_paid + penalty_paid AS paid
              FROM installment WHERE loan_no = ? ORDER BY seq""",
            (rs, n) -> "#" + rs.getInt("seq") + " due " + rs.getDate("due_on") + ": principal "
                + rs.getBigDecimal("principal_due") + ", interest " + rs.getBigDecimal("interest_due") + ", penalty "
                + rs.getBigDecimal("penalty_due") + ", paid " + rs.getBigDecimal("paid"),
            loanNo);
    }

    private List<String> payments(String loanNo) {
        return jdbc.query("SELECT paid_on, amount, channel FROM payment WHERE loan_no = ? ORDER BY paid_on",
            (rs, n) -> rs.getDate("paid_on") + " " + rs.getBigDecimal("amount") + " via " + rs.getString("channel"),
            loanNo);
    }

    private List<String> contacts(String loanNo) {
        return jdbc.query("""
            SELECT occurred_at, channel, result, operator_type, operator_id FROM contact_log
             WHERE loan_no = ? ORDER BY occurred_at, id""",
            (rs, n) -> rs.getTimestamp("occurred_at").toLocalDateTime().withNano(0) + " " + rs.getString("channel")
                + " " + rs.getString("result") + " by " + rs.getString("operator_type").toLowerCase() + " "
                + rs.getString("operator_id"),
            loanNo);
    }
}
