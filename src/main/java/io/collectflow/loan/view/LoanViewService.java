package io.collectflow.loan.view;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the loan view: status and delinquency state as the last scan left them, outstanding
 * principal from the schedule, and the process instance of the loan's active collection case.
 */
@Service
public class LoanViewService {

    private static final String SQL = """
        SELECT l.loan_no, l.borrower_id, l.status, l.dpd, l.bucket, l.overdue_amount,
               (SELECT COALESCE(SUM(i.principal_due - i.principal_paid), 0) FROM installment i
                 WHERE i.loan_no = l.loan_no) AS outstanding_principal,
               (SELECT MAX(c.process_instance_id) FROM collection_case c
                 WHERE c.loan_no = l.loan_no AND c.status = 'ACTIVE') AS case_instance
          FROM loan l
         WHERE l.loan_no = ?
        """;

    private static final String STANDING_SQL =
        "SELECT loan_no, borrower_id, dpd, overdue_amount FROM loan WHERE loan_no = ?";

    private final JdbcTemplate jdbc;

    public LoanViewService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LoanView> find(String loanNo) {
        return jdbc.query(SQL, (rs, n) -> new LoanView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7).setScale(2), rs.getString(8)), loanNo)
            .stream().findFirst();
    }

    /** The loan's borrower, days past due and overdue amount as of the last scan; empty for an unknown loan. */
    public Optional<LoanStanding> standing(String loanNo) {
        return jdbc.query(STANDING_SQL, (rs, n) -> new LoanStanding(rs.getString(1), rs.getString(2), rs.getInt(3),
            rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4)), loanNo).stream().findFirst();
    }
}
