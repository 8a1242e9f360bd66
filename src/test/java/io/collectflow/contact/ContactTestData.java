package io.collectflow.contact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Borrowers and overdue loans for the contact tests, written straight into the loan-book tables. */
public final class ContactTestData {

    private ContactTestData() {
    }

    /** A borrower with one loan 40 days overdue: 1234.56 overdue (interest 56.78, penalty 12.34). */
    public static void overdueLoan(JdbcClient jdbc, String loanNo, String region, String zone, String email) {
        String borrowerId = "B-" + loanNo;
        jdbc.sql("""
                INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone, created_at)
                VALUES (:id, :name, '310101199001011234', '+8613800138000', :email, 'Somewhere 1', :region, :zone, :now)
                """)
            .param("id", borrowerId).param("name", "Test Borrower " + loanNo).param("email", email)
            .param("region", region).param("zone", zone).param("now", LocalDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                    disbursed_on, first_due_on, status, dpd, bucket, overdue_amount, created_at)
                VALUES (:loanNo, :id, 'consumer', 10000.00, 0.12, 0.18, 12, :disbursed, :firstDue, 'ACTIVE', 40,
                    'DPD_30_59', 1234.56, :now)
                """)
            .param("loanNo", loanNo).param("id", borrowerId).param("disbursed", LocalDate.of(2025, 12, 1))
            .param("firstDue", LocalDate.of(2026, 1, 1)).param("now", LocalDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due, penalty_due)
                VALUES (:loanNo, 1, :due, 1165.44, 56.78, 12.34)
                """)
            .param("loanNo", loanNo).param("due", LocalDate.of(2026, 1, 1)).update();
    }

    public static String borrowerOf(String loanNo) {
        return "B-" + loanNo;
    }

    public static final BigDecimal OVERDUE = new BigDecimal("1234.56");
}
