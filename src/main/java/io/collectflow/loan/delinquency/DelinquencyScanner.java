package io.collectflow.loan.delinquency;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL part of the daily scan: DPD, bucket, overdue amount, penalty accrual and bucket history for
 * the whole book in a handful of set-based statements (no loop per loan, no engine calls).
 *
 * <p>Every step derives its result from the loan book itself, so a scan interrupted anywhere is
 * completed by simply running it again; penalty accrual is guarded by {@code loan.penalty_accrued_to}
 * in the same transaction, so a date is never accrued twice.
 *
 * <p>"Paid on D" counts only allocations with {@code paid_on <= D}: the installment's running totals
 * minus what was allocated after D (normally nothing, so that part is an empty join).
 *
 * <p>Only installments whose principal + interest is not fully paid today are read (plus those paid after D): on PostgreSQL through
 * the partial index {@code ix_installment_open} (V11), so the daily cost follows the arrears, not the
 * size of the book.
 */
@Component
public class DelinquencyScanner {

    private static final Logger LOG = LoggerFactory.getLogger(DelinquencyScanner.class);
    private static final String AS_OF = "CAST(:asOf AS DATE)";

    /** Principal/interest and penalty allocated after the scan date, per installment. */
    private static final String PAID_AFTER = """
        (SELECT loan_no, seq,
                SUM(CASE WHEN component IN ('PRINCIPAL', 'INTEREST') THEN amount ELSE 0 END) AS pi,
                SUM(CASE WHEN component = 'PENALTY' THEN amount ELSE 0 END) AS pen
           FROM payment_allocation
          WHERE paid_on > CAST(:asOf AS DATE) AND seq > 0
          GROUP BY loan_no, seq)""";

    private static final String UNPAID_PI =
        "(i.principal_due + i.interest_due - i.principal_paid - i.interest_paid + COALESCE(a.pi, 0))";
    /**
     * Principal + interest not fully paid today; the same text as the predicate of the PostgreSQL partial
     * index ix_installment_open. An installment with principal and interest paid has its penalty paid
     * too, since payments go to penalty first.
     */
    static final String OPEN = "i.principal_paid + i.interest_paid < i.principal_due + i.interest_due";
    private static final String UNPAID_PENALTY = "(i.penalty_due - i.penalty_paid + COALESCE(a.pen, 0))";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DelinquencyProperties properties;
    private final SqlDialect dialect;

    public DelinquencyScanner(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              DelinquencyProperties properties, DataSource dataSource) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.dialect = SqlDialect.of(dataSource);
    }

    /** Brings every loan's dpd, bucket, overdue amount, penalty and bucket history up to {@code asOf}. */
    public ScanFigures computeState(LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource()
            .addValue("asOf", asOf)
            .addValue("tol", properties.tolerance());
        timed("penalty accrual", () -> tx.executeWithoutResult(s -> {
            dialect.preferIndexLookups().forEach(jdbc.getJdbcTemplate()::execute);
            jdbc.update(penaltyAccrualSql(), params);
            jdbc.update(penaltyAccruedToSql(), params);
        }));
        timed("working set", () -> tx.executeWithoutResult(s -> {
            jdbc.getJdbcTemplate().update("DELETE FROM delinquency_scan_work");
            jdbc.update(workingSetSql(), params);
        }));
        jdbc.getJdbcTemplate().execute(dialect.analyze("delinquency_scan_work"));
        timed("history and loan state", () -> tx.executeWithoutResult(s -> {
            jdbc.update(historyOfChangedLoansSql(), params);
            jdbc.update(historyOfClearedLoansSql(), params);
            jdbc.update("DELETE FROM bucket_history WHERE as_of = " + AS_OF + " AND from_bucket = to_bucket", params);
            jdbc.update(updateChangedLoansSql(), params);
            jdbc.update(updateClearedLoansSql(), params);
        }));
        Long loans = jdbc.queryForObject("SELECT COUNT(*) FROM loan", Map.of(), Long.class);
        Long delinquent = jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE dpd > 0", Map.of(), Long.class);
        return new ScanFigures(asOf, loans, delinquent);
    }

    private static void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        LOG.debug("scan step {}: {} ms", step, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Days past due, bucket and overdue amount (principal + interest + penalty) of every loan with
     * anything unpaid that fell due before the scan date.
     */
    String workingSetSql() {
        return """
            INSERT INTO delinquency_scan_work (loan_no, dpd, bucket, overdue_amount)
            SELECT x.loan_no, x.dpd, %s, x.overdue
              FROM (SELECT u.loan_no, COALESCE(MAX(CASE WHEN u.unpaid_pi > :tol THEN %s END), 0) AS dpd,
                           SUM(u.unpaid_pi + u.unpaid_penalty) AS overdue
                      FROM (%s) u
                     GROUP BY u.loan_no) x
            """.formatted(properties.bucketPolicy().sqlCase("x.dpd"), dialect.daysBetween("u.due_on", AS_OF),
            dueAndUnpaid("i.loan_no, i.due_on, " + UNPAID_PI + " AS unpaid_pi, " + UNPAID_PENALTY + " AS unpaid_penalty",
                "", UNPAID_PI + " + " + UNPAID_PENALTY + " > 0"));
    }

    /**
     * Installments {@code i} due before the scan date and unpaid on it, with their allocations after the
     * date as {@code a}: those not fully paid today (on PostgreSQL read through the partial index
     * ix_installment_open) plus those paid in full only after the date (normally none).
     */
    private static String dueAndUnpaid(String select, String joins, String condition) {
        return """
            SELECT %1$s
              FROM installment i
              %2$s
              LEFT JOIN %3$s a ON a.loan_no = i.loan_no AND a.seq = i.seq
             WHERE i.due_on < %4$s AND %5$s AND %6$s
            UNION ALL
            SELECT %1$s
              FROM %3$s a
              JOIN installment i ON i.loan_no = a.loan_no AND i.seq = a.seq
              %2$s
             WHERE i.due_on < %4$s AND NOT (%5$s) AND %6$s""".formatted(select, joins, PAID_AFTER, AS_OF, OPEN, condition);
    }

    /**
     * Penalty on overdue principal + interest at penalty_rate/365 per day, for the days after
     * {@code penalty_accrued_to} (or after the due date, whichever is later) up to the scan date.
     */
    String penaltyAccrualSql() {
        String days = dialect.daysBetween("GREATEST(i.due_on, COALESCE(l.penalty_accrued_to, i.due_on))", AS_OF);
        return """
            MERGE INTO installment t
            USING (%s) s
               ON (t.loan_no = s.loan_no AND t.seq = s.seq)
             WHEN MATCHED AND s.accrual > 0 THEN UPDATE SET penalty_due = t.penalty_due + s.accrual
            """.formatted(dueAndUnpaid(
                "i.loan_no, i.seq, ROUND(" + UNPAID_PI + " * l.penalty_rate * " + days + " / 365, 2) AS accrual",
                "JOIN loan l ON l.loan_no = i.loan_no", accruing()));
    }

    /** Moves penalty_accrued_to of the loans just accrued (same transaction: a date never accrues twice). */
    String penaltyAccruedToSql() {
        return """
            UPDATE loan SET penalty_accrued_to = %s
             WHERE loan_no IN (%s)
            """.formatted(AS_OF, dueAndUnpaid("i.loan_no", "JOIN loan l ON l.loan_no = i.loan_no", accruing()));
    }

    /** Overdue principal or interest beyond the tolerance of an active loan not yet accrued up to the date. */
    private static String accruing() {
        return UNPAID_PI + " > :tol AND l.status = 'ACTIVE' AND (l.penalty_accrued_to IS NULL OR l.penalty_accrued_to < "
            + AS_OF + ")";
    }

    /** Bucket history for loans in the working set whose bucket changed (a same-day re-scan updates its row). */
    String historyOfChangedLoansSql() {
        return historyMerge("""
            SELECT l.loan_no, l.bucket AS from_bucket, w.bucket AS to_bucket, w.dpd, w.overdue_amount
              FROM delinquency_scan_work w JOIN loan l ON l.loan_no = w.loan_no
             WHERE l.bucket <> w.bucket""");
    }

    /** Bucket history for delinquent loans with nothing unpaid any more (back to CURRENT). */
    String historyOfClearedLoansSql() {
        return historyMerge("""
            SELECT l.loan_no, l.bucket AS from_bucket, 'CURRENT' AS to_bucket, 0 AS dpd, 0 AS overdue_amount
              FROM loan l
             WHERE l.dpd > 0
               AND NOT EXISTS (SELECT 1 FROM delinquency_scan_work w WHERE w.loan_no = l.loan_no)""");
    }

    private static String historyMerge(String changes) {
        return """
            MERGE INTO bucket_history h
            USING (%s) c
               ON (h.loan_no = c.loan_no AND h.as_of = %s)
             WHEN MATCHED THEN UPDATE SET to_bucket = c.to_bucket, dpd = c.dpd, overdue_amount = c.overdue_amount
             WHEN NOT MATCHED THEN INSERT (loan_no, as_of, from_bucket, to_bucket, dpd, overdue_amount)
                  VALUES (c.loan_no, %s, c.from_bucket, c.to_bucket, c.dpd, c.overdue_amount)
            """.formatted(changes, AS_OF, AS_OF);
    }

    String updateChangedLoansSql() {
        return """
            MERGE INTO loan l
            USING delinquency_scan_work w
               ON (l.loan_no = w.loan_no)
             WHEN MATCHED AND (l.dpd <> w.dpd OR l.bucket <> w.bucket OR l.overdue_amount <> w.overdue_amount)
                  THEN UPDATE SET dpd = w.dpd, bucket = w.bucket, overdue_amount = w.overdue_amount, last_scan_on = %s
            """.formatted(AS_OF);
    }

    String updateClearedLoansSql() {
        return """
            UPDATE loan SET dpd = 0, bucket = 'CURRENT', overdue_amount = 0, last_scan_on = %s
             WHERE (dpd > 0 OR overdue_amount > 0)
               AND NOT EXISTS (SELECT 1 FROM delinquency_scan_work w WHERE w.loan_no = loan.loan_no)
            """.formatted(AS_OF);
    }

    /** What the SQL part found: loans on the book and loans with DPD ≥ 1. */
    public record ScanFigures(LocalDate asOf, long loansScanned, long delinquent) {
    }
}
