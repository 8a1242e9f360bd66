package io.collectflow.loan.delinquency;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
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
 * completed by simply running it again.
 *
 * <p><b>Penalty is accrued per loan</b>, not per installment: {@code loan.penalty_pending} is the
 * penalty accrued since {@code loan.penalty_spread_to} (up to the installments' {@code penalty_due})
 * as of {@code loan.penalty_accrued_to}. It is recomputed from the installments the scan reads anyway
 * (overdue principal + interest × penalty_rate / 365 per day, per installment, rounded to the cent), so
 * a date never accrues twice and the daily scan writes only the loan rows whose state changed, never an
 * installment. {@link PenaltySpreader} moves it onto the installments when a payment is allocated.
 *
 * <p>"Paid on D" counts only allocations with {@code paid_on <= D}: the installment's running totals
 * minus what was allocated after D (normally nothing, so that part is an empty join).
 *
 * <p>Only installments whose principal + interest is not fully paid today are read (plus those paid
 * after D): on PostgreSQL through the partial index {@code ix_installment_open} (V11), so the daily cost
 * follows the arrears, not the size of the book.
 *
 * <p>Loans selected by a {@link DelinquencyFreeze} (an honored repayment plan) keep their DPD and bucket.
 */
@Component
public class DelinquencyScanner {

    private static final Logger LOG = LoggerFactory.getLogger(DelinquencyScanner.class);
    static final String AS_OF = "CAST(:asOf AS DATE)";

    /** Principal/interest and penalty allocated after the scan date, per installment. */
    private static final String PAID_AFTER = """
        (SELECT loan_no, seq,
                SUM(CASE WHEN component IN ('PRINCIPAL', 'INTEREST') THEN amount ELSE 0 END) AS pi,
                SUM(CASE WHEN component = 'PENALTY' THEN amount ELSE 0 END) AS pen
           FROM payment_allocation
          WHERE paid_on > CAST(:asOf AS DATE) AND seq > 0
          GROUP BY loan_no, seq)""";

    static final String UNPAID_PI =
        "(i.principal_due + i.interest_due - i.principal_paid - i.interest_paid + COALESCE(a.pi, 0))";
    /**
     * Principal + interest not fully paid today; the same text as the predicate of the PostgreSQL partial
     * index ix_installment_open. An installment with principal and interest paid has its penalty paid
     * too, since payments go to penalty first.
     */
    static final String OPEN = "i.principal_paid + i.interest_paid < i.principal_due + i.interest_due";
    private static final String UNPAID_PENALTY = "(i.penalty_due - i.penalty_paid + COALESCE(a.pen, 0))";
    /** The loan accrues on the scan date: active, and not yet accrued up to a later date. */
    private static final String ACCRUES =
        "l.status = 'ACTIVE' AND (l.penalty_accrued_to IS NULL OR l.penalty_accrued_to <= " + AS_OF + ")";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DelinquencyProperties properties;
    private final SqlDialect dialect;
    private final List<DelinquencyFreeze> freezes;

    public DelinquencyScanner(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              DelinquencyProperties properties, DataSource dataSource) {
        this(jdbc, transactionManager, properties, dataSource, List.of());
    }

    @Autowired
    public DelinquencyScanner(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              DelinquencyProperties properties, DataSource dataSource, List<DelinquencyFreeze> freezes) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.dialect = SqlDialect.of(dataSource);
        this.freezes = List.copyOf(freezes);
    }

    /** Brings every loan's dpd, bucket, overdue amount, penalty and bucket history up to {@code asOf}. */
    public ScanFigures computeState(LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource()
            .addValue("asOf", asOf)
            .addValue("tol", properties.tolerance());
        timed("working set and penalty", () -> tx.executeWithoutResult(s -> {
            jdbc.getJdbcTemplate().update("DELETE FROM delinquency_scan_work");
            jdbc.update(workingSetSql(), params);
            for (DelinquencyFreeze freeze : freezes) {
                jdbc.update(freezeSql(freeze), new MapSqlParameterSource(freeze.parameters(asOf)).addValue("asOf", asOf));
            }
        }));
        jdbc.getJdbcTemplate().execute(dialect.analyze("delinquency_scan_work"));
        timed("history and loan state", () -> tx.executeWithoutResult(s -> {
            timed("history of changed loans", () -> jdbc.update(historyOfChangedLoansSql(), params));
            timed("history of cleared loans", () -> jdbc.update(historyOfClearedLoansSql(), params));
            timed("changed loans", () -> jdbc.update(updateChangedLoansSql(), params));
            timed("cleared loans", () -> jdbc.update(updateClearedLoansSql(), params));
        }));
        long[] counts = new long[2];
        timed("counts", () -> {
            counts[0] = jdbc.queryForObject("SELECT COUNT(*) FROM loan", Map.of(), Long.class);
            counts[1] = jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE dpd > 0", Map.of(), Long.class);
        });
        return new ScanFigures(asOf, counts[0], counts[1]);
    }

    private static void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        LOG.debug("scan step {}: {} ms", step, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Days past due, bucket, penalty accrued since the last spread and overdue amount (principal +
     * interest + penalty) of every loan with anything unpaid that fell due before the scan date. A loan
     * that does not accrue on the date (not active, or accrued up to a later date) keeps its penalty.
     */
    String workingSetSql() {
        return """
            INSERT INTO delinquency_scan_work (loan_no, dpd, bucket, overdue_amount, penalty_pending, accrued_to, spread_to)
            SELECT x.loan_no, x.dpd, %s, x.overdue + x.pending, x.pending, x.accrued_to, x.spread_to
              FROM (SELECT u.loan_no, COALESCE(MAX(CASE WHEN u.unpaid_pi > :tol THEN %s END), 0) AS dpd,
                           SUM(u.unpaid_pi + u.unpaid_penalty) AS overdue,
                           SUM(u.accrual) + MAX(u.kept_pending) AS pending,
                           MAX(u.accrued_to) AS accrued_to, MAX(u.spread_to) AS spread_to
                      FROM (%s) u
                     GROUP BY u.loan_no) x
            """.formatted(properties.bucketPolicy().sqlCase("x.dpd"), dialect.daysBetween("u.due_on", AS_OF),
            dueAndUnpaid("i.loan_no, i.due_on, " + UNPAID_PI + " AS unpaid_pi, " + UNPAID_PENALTY + " AS unpaid_penalty, "
                    + "CASE WHEN " + ACCRUES + " THEN " + accrual(dialect) + " ELSE 0 END AS accrual, "
                    + "CASE WHEN " + ACCRUES + " THEN 0 ELSE l.penalty_pending END AS kept_pending, "
                    + "CASE WHEN " + ACCRUES + " THEN " + AS_OF + " ELSE l.penalty_accrued_to END AS accrued_to, "
                    + "l.penalty_spread_to AS spread_to",
                "JOIN loan l ON l.loan_no = i.loan_no", UNPAID_PI + " + " + UNPAID_PENALTY + " > 0"));
    }

    /**
     * Penalty installment {@code i} of loan {@code l} accrued after the last spread (or its due date,
     * whichever is later) up to {@code :asOf}: penalty_rate/365 a day on its overdue principal +
     * interest, when that is above the tolerance.
     */
    static String accrual(SqlDialect dialect) {
        String days = dialect.daysBetween("GREATEST(i.due_on, COALESCE(l.penalty_spread_to, i.due_on))", AS_OF);
        return "CASE WHEN " + UNPAID_PI + " > :tol THEN ROUND(" + UNPAID_PI + " * l.penalty_rate * " + days
            + " / 365, 2) ELSE 0 END";
    }

    /**
     * DPD and bucket of the frozen loans in the working set stay as the loan has them, unless payments brought
     * the contract's DPD lower: a hold never makes a loan older than its contract.
     */
    String freezeSql(DelinquencyFreeze freeze) {
        return """
            MERGE INTO delinquency_scan_work w
            USING (SELECT l.loan_no, l.dpd, l.bucket
                     FROM loan l
                    WHERE l.dpd > 0 AND l.loan_no IN (%s)) f
               ON (w.loan_no = f.loan_no)
             WHEN MATCHED AND w.dpd > f.dpd THEN UPDATE SET dpd = f.dpd, bucket = f.bucket
            """.formatted(freeze.frozenLoansSql());
    }

    /**
     * Installments {@code i} due before the scan date and unpaid on it, with their allocations after the
     * date as {@code a}: those not fully paid today (on PostgreSQL read through the partial index
     * ix_installment_open) plus those paid in full only after the date (normally none).
     */
    static String dueAndUnpaid(String select, String joins, String condition) {
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
     * Bucket history for loans in the working set whose bucket changed (a same-day re-scan updates its
     * row, or deletes it when the bucket is back where the day started: no change that day).
     */
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
             WHEN MATCHED AND h.from_bucket = c.to_bucket THEN DELETE
             WHEN MATCHED THEN UPDATE SET to_bucket = c.to_bucket, dpd = c.dpd, overdue_amount = c.overdue_amount
             WHEN NOT MATCHED AND c.from_bucket <> c.to_bucket THEN INSERT (loan_no, as_of, from_bucket, to_bucket, dpd, overdue_amount)
                  VALUES (c.loan_no, %s, c.from_bucket, c.to_bucket, c.dpd, c.overdue_amount)
            """.formatted(changes, AS_OF, AS_OF);
    }

    /**
     * No payment spread the loan's penalty since the working set was computed; otherwise its penalty
     * stays as the payment left it and the next scan accrues from there.
     */
    private static final String NOT_SPREAD_MEANWHILE = "l.penalty_spread_to IS NOT DISTINCT FROM w.spread_to";

    String updateChangedLoansSql() {
        return """
            MERGE INTO loan l
            USING delinquency_scan_work w
               ON (l.loan_no = w.loan_no)
             WHEN MATCHED AND (l.dpd <> w.dpd OR l.bucket <> w.bucket OR l.overdue_amount <> w.overdue_amount
                               OR l.penalty_pending <> w.penalty_pending)
                  THEN UPDATE SET dpd = w.dpd, bucket = w.bucket, overdue_amount = w.overdue_amount, last_scan_on = %s,
                                  penalty_pending = CASE WHEN %s THEN w.penalty_pending ELSE l.penalty_pending END,
                                  penalty_accrued_to = CASE WHEN %s THEN w.accrued_to ELSE l.penalty_accrued_to END
            """.formatted(AS_OF, NOT_SPREAD_MEANWHILE, NOT_SPREAD_MEANWHILE);
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
