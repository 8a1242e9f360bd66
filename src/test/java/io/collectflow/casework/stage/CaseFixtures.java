package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Loans for the process tests, written straight into the loan book. */
public class CaseFixtures {

    public static final BigDecimal PRINCIPAL_DUE = new BigDecimal("1000.00");
    public static final BigDecimal INTEREST_DUE = new BigDecimal("50.00");

    private final JdbcTemplate jdbc;

    public CaseFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A 12-month consumer loan whose first installment fell due {@code dpd} days before {@code today}. */
    public String loan(int dpd, LocalDate today) {
        return loan(dpd, today, "consumer", "+86 138 0013 8000");
    }

    public String loan(int dpd, LocalDate today, String product, String phone) {
        String loanNo = "L-" + UUID.randomUUID().toString().substring(0, 8);
        String borrowerId = "B-" + loanNo;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
            INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone, created_at)
            VALUES (?, 'Li Wei', '110101199001011234', ?, 'li.wei@example.cn', '1 Nanjing Road, Shanghai', 'CN-SH',
                    'Asia/Shanghai', ?)""", borrowerId, phone, now);
        LocalDate firstDue = today.minusDays(dpd);
        jdbc.update("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                              disbursed_on, first_due_on, status, dpd, bucket, overdue_amount, created_at)
            VALUES (?, ?, ?, 12000, 0.05, 0.18, 12, ?, ?, 'ACTIVE', ?, 'DPD_1_29', 1050, ?)""",
            loanNo, borrowerId, product, Date.valueOf(firstDue.minusMonths(1)), Date.valueOf(firstDue), dpd, now);
        for (int seq = 1; seq <= 12; seq++) {
            jdbc.update("""
                INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due, penalty_due)
                VALUES (?, ?, ?, ?, ?, ?)""", loanNo, seq, Date.valueOf(firstDue.plusMonths(seq - 1L)), PRINCIPAL_DUE,
                INTEREST_DUE, seq == 1 ? new BigDecimal("12.50") : BigDecimal.ZERO);
        }
        return loanNo;
    }

    /** A payment as the payment feature would store it (allocation is not needed by the case). */
    public void pay(String loanNo, LocalDate paidOn, BigDecimal amount) {
        jdbc.update("""
            INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
            VALUES (?, ?, ?, ?, 'bank-transfer', ?)""", "P-" + UUID.randomUUID(), loanNo, Date.valueOf(paidOn), amount,
            Timestamp.from(Instant.now()));
    }

    public int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
