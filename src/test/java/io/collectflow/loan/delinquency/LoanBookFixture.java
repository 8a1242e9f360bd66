package io.collectflow.loan.delinquency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only loan book writer: borrowers, loans with flat installment schedules, and payments allocated
 * the way the payment service does it (oldest installment first; penalty, interest, principal;
 * overpayment as credit), writing payment, payment_allocation and the installments' *_paid columns.
 */
public final class LoanBookFixture {

    public static final BigDecimal PENALTY_RATE = new BigDecimal("0.365");

    private final JdbcTemplate jdbc;
    private final PenaltySpreader penalty;

    public LoanBookFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.penalty = new PenaltySpreader(jdbc, BigDecimal.ZERO);
    }

    /** Empties every table the scan and the case lifecycle touch, and the case records that point at loans. */
    public void clear() {
        for (String table : List.of("plan_installment", "repayment_plan", "promise_to_pay", "contact_report", "case_event", "collection_case", "bucket_history", "payment_allocation", "penalty_spread", "payment",
                "installment", "delinquency_scan_work", "delinquency_scan_run", "loan", "borrower")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** A loan of {@code terms} monthly installments of 100.00 principal + 10.00 interest, the first due on firstDue. */
    public void loan(String loanNo, LocalDate firstDue, int terms) {
        loan(loanNo, firstDue, terms, new BigDecimal("100.00"), new BigDecimal("10.00"));
    }

    public void loan(String loanNo, LocalDate firstDue, int terms, BigDecimal principalEach, BigDecimal interestEach) {
        String borrowerId = "B-" + loanNo;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
            INSERT INTO borrower (borrower_id, name, id_number, phone, region, timezone, created_at)
            VALUES (?, 'Test Borrower', 'ID', '+8613800000000', 'CN-SH', 'Asia/Shanghai', ?)""", borrowerId, now);
        jdbc.update("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                              disbursed_on, first_due_on, status, created_at)
            VALUES (?, ?, 'consumer', ?, 0.12, ?, ?, ?, ?, 'ACTIVE', ?)""",
            loanNo, borrowerId, principalEach.multiply(BigDecimal.valueOf(terms)), PENALTY_RATE, terms,
            firstDue.minusMonths(1), firstDue, now);
        for (int seq = 1; seq <= terms; seq++) {
            jdbc.update("""
                INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due)
                VALUES (?, ?, ?, ?, ?)""", loanNo, seq, firstDue.plusMonths(seq - 1), principalEach, interestEach);
        }
    }

    /**
     * Posts a payment and allocates it the way the payment service does: the loan's pending penalty
     * spread over its installments first, then oldest installment first: penalty, interest, principal;
     * rest as credit.
     */
    public void pay(String paymentRef, String loanNo, LocalDate paidOn, BigDecimal amount) {
        penalty.spread(loanNo, paidOn);
        jdbc.update("""
            INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
            VALUES (?, ?, ?, ?, 'bank', ?)""", paymentRef, loanNo, paidOn, amount, Timestamp.from(Instant.now()));
        BigDecimal left = amount;
        List<Map<String, Object>> installments = jdbc.queryForList(
            "SELECT * FROM installment WHERE loan_no = ? ORDER BY seq", loanNo);
        for (Map<String, Object> i : installments) {
            int seq = ((Number) i.get("SEQ")).intValue();
            for (String component : List.of("PENALTY", "INTEREST", "PRINCIPAL")) {
                String column = component.toLowerCase();
                BigDecimal open = ((BigDecimal) i.get(column + "_DUE")).subtract((BigDecimal) i.get(column + "_PAID"));
                BigDecimal applied = left.min(open);
                if (applied.signum() > 0) {
                    jdbc.update("UPDATE installment SET " + column + "_paid = " + column + "_paid + ? WHERE loan_no = ? AND seq = ?",
                        applied, loanNo, seq);
                    allocate(paymentRef, loanNo, seq, component, applied, paidOn);
                    left = left.subtract(applied);
                }
            }
        }
        if (left.signum() > 0) {
            jdbc.update("UPDATE loan SET credit = credit + ? WHERE loan_no = ?", left, loanNo);
            allocate(paymentRef, loanNo, 0, "CREDIT", left, paidOn);
        }
    }

    private void allocate(String paymentRef, String loanNo, int seq, String component, BigDecimal amount, LocalDate paidOn) {
        jdbc.update("""
            INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)
            VALUES (?, ?, ?, ?, ?, ?)""", paymentRef, loanNo, seq, component, amount, paidOn);
    }

    /**
     * An ACTIVE repayment plan created on {@code createdOn} with one plan installment of {@code amount}
     * on each of {@code dueDates}; returns its id.
     */
    public long activePlan(String loanNo, LocalDate createdOn, BigDecimal amount, LocalDate... dueDates) {
        BigDecimal total = amount.multiply(BigDecimal.valueOf(dueDates.length));
        jdbc.update("""
            INSERT INTO repayment_plan (loan_no, status, declared_income, other_debts, max_installment, total_amount,
                                        installment_count, first_due_on, created_at)
            VALUES (?, 'ACTIVE', 1000.00, 0.00, 400.00, ?, ?, ?, ?)""",
            loanNo, total, dueDates.length, dueDates[0], Timestamp.valueOf(createdOn.atTime(10, 0)));
        long planId = jdbc.queryForObject("SELECT MAX(id) FROM repayment_plan WHERE loan_no = ?", Long.class, loanNo);
        for (int k = 0; k < dueDates.length; k++) {
            jdbc.update("INSERT INTO plan_installment (plan_id, seq, due_on, amount, status) VALUES (?, ?, ?, ?, 'DUE')",
                planId, k + 1, dueDates[k], amount);
        }
        return planId;
    }

    public Map<String, Object> loanRow(String loanNo) {
        return jdbc.queryForMap("SELECT * FROM loan WHERE loan_no = ?", loanNo);
    }

    public int dpd(String loanNo) {
        return ((Number) loanRow(loanNo).get("DPD")).intValue();
    }

    public String bucket(String loanNo) {
        return (String) loanRow(loanNo).get("BUCKET");
    }

    public BigDecimal overdueAmount(String loanNo) {
        return ((BigDecimal) loanRow(loanNo).get("OVERDUE_AMOUNT")).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Penalty accrued on the loan: spread over its installments plus still pending on the loan. */
    public BigDecimal penaltyDue(String loanNo) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(penalty_due), 0) FROM installment WHERE loan_no = ?",
            BigDecimal.class, loanNo).add(penaltyPending(loanNo)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Penalty the scan accrued on the loan and no payment has spread over the installments yet. */
    public BigDecimal penaltyPending(String loanNo) {
        return (BigDecimal) loanRow(loanNo).get("PENALTY_PENDING");
    }

    /** Penalty spread over installment {@code seq}. */
    public BigDecimal installmentPenalty(String loanNo, int seq) {
        return jdbc.queryForObject("SELECT penalty_due FROM installment WHERE loan_no = ? AND seq = ?",
            BigDecimal.class, loanNo, seq);
    }

    public List<Map<String, Object>> bucketHistory(String loanNo) {
        return jdbc.queryForList("SELECT * FROM bucket_history WHERE loan_no = ? ORDER BY as_of", loanNo);
    }

    public int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
