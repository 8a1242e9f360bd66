package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.collectflow.loan.LoanStatus;

/**
 * The loan book as it stood on a past day, straight from installments and payment allocations
 * (set-based SQL, H2 and PostgreSQL). A loan counts on day D when it was disbursed by D and its
 * principal less the principal paid by D is positive. Its DPD on D follows the contract: D − due
 * date of its oldest installment due before D whose principal + interest, less what payments with
 * {@code paid_on} ≤ D allocated to them, exceeds the tolerance. Its risk grade on D is the grade of
 * its latest risk score (risk_score_history, V82) recorded before D ends, "(none)" when never scored.
 * A loan written off before D ends (its WRITE_OFF accounting event) has left the book: it is not counted
 * on D, and a roll into a day after its write-off ends in {@code WRITTEN_OFF}.
 */
public class PortfolioQueries {

    /** One group of loans: product × region × risk grade × bucket, with the threshold sums. */
    public record BookRow(String product, String region, String riskGrade, String bucket, long loans, BigDecimal outstanding,
            long[] overdueLoans, BigDecimal[] overdueBalance) {
    }

    /** Where a roll can end besides a bucket: the loan's status by then. */
    static final String PAID_OFF = LoanStatus.PAID_OFF.name();
    static final String WRITTEN_OFF = LoanStatus.WRITTEN_OFF.name();

    private final JdbcClient jdbc;
    private final Buckets buckets;
    private final BigDecimal tolerance;

    public PortfolioQueries(JdbcClient jdbc, Buckets buckets, BigDecimal tolerance) {
        this.jdbc = jdbc;
        this.buckets = buckets;
        this.tolerance = tolerance;
    }

    /** The loan's write-off booking; followed by the condition on its time. */
    private static final String WRITTEN_OFF_BY =
        "SELECT 1 FROM accounting_event e WHERE e.loan_no = l.loan_no AND e.event_type = 'WRITE_OFF'";

    /** CTEs ending in {@code book(loan_no, product, region, grade, outstanding, oldest_due)} for day {@code :d}. */
    private static final String BOOK_CTES = """
        paid AS (SELECT loan_no, seq, SUM(amount) AS amt FROM payment_allocation
            WHERE paid_on <= :d AND component IN ('PRINCIPAL', 'INTEREST') GROUP BY loan_no, seq),
        oldest AS (SELECT i.loan_no, MIN(i.due_on) AS due FROM installment i
            LEFT JOIN paid pd ON pd.loan_no = i.loan_no AND pd.seq = i.seq
            WHERE i.due_on < :d AND i.principal_due + i.interest_due - COALESCE(pd.amt, 0) > :tol GROUP BY i.loan_no),
        prin AS (SELECT loan_no, SUM(amount) AS amt FROM payment_allocation
            WHERE paid_on <= :d AND component = 'PRINCIPAL' GROUP BY loan_no),
        scored AS (SELECT loan_no, MAX(id) AS id FROM risk_score_history WHERE scored_at < :dEnd GROUP BY loan_no),
        book AS (SELECT l.loan_no, l.product, b.region, COALESCE(r.grade, :none) AS grade,
                l.principal - COALESCE(pr.amt, 0) AS outstanding, o.due AS oldest_due
            FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id
            LEFT JOIN prin pr ON pr.loan_no = l.loan_no LEFT JOIN oldest o ON o.loan_no = l.loan_no
            LEFT JOIN scored sc ON sc.loan_no = l.loan_no LEFT JOIN risk_score_history r ON r.id = sc.id
            WHERE l.disbursed_on <= :d AND NOT EXISTS (""" + WRITTEN_OFF_BY + """
                AND e.occurred_at < :dEnd))
        """;

    /** Active loans on {@code day} grouped by product, region, risk grade and bucket, with DPD ≥ 30/60/90/180/360 sums. */
    public List<BookRow> book(LocalDate day) {
        Map<String, Object> params = new HashMap<>();
        params.put("d", day);
        params.put("tol", tolerance);
        params.put("dEnd", day.plusDays(1).atStartOfDay());
        params.put("none", CaseQueries.NONE);
        buckets.bind(params, "", day);
        StringBuilder select = new StringBuilder("SELECT product, region, grade, bucket, COUNT(*) AS loans,"
            + " SUM(outstanding) AS outstanding");
        List<Integer> thresholds = Buckets.THRESHOLDS;
        for (int k : thresholds) {
            params.put("t" + k, day.minusDays(k));
            select.append(", SUM(CASE WHEN oldest_due <= :t").append(k).append(" THEN 1 ELSE 0 END) AS n").append(k)
                .append(", SUM(CASE WHEN oldest_due <= :t").append(k).append(" THEN outstanding ELSE 0 END) AS s")
                .append(k);
        }
        String sql = "WITH " + BOOK_CTES + ", staged AS (SELECT product, region, grade, outstanding, oldest_due, "
            + buckets.caseSql("oldest_due", "") + " AS bucket FROM book WHERE outstanding > 0) "
            + select + " FROM staged GROUP BY product, region, grade, bucket";
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            long[] counts = new long[thresholds.size()];
            BigDecimal[] sums = new BigDecimal[thresholds.size()];
            for (int i = 0; i < thresholds.size(); i++) {
                counts[i] = rs.getLong("n" + thresholds.get(i));
                sums[i] = rs.getBigDecimal("s" + thresholds.get(i));
            }
            return new BookRow(rs.getString("product"), rs.getString("region"), rs.getString("grade"), rs.getString("bucket"),
                rs.getLong("loans"), rs.getBigDecimal("outstanding"), counts, sums);
        }).list();
    }

    /**
     * Bucket on {@code from} → bucket on {@code to} (PAID_OFF when nothing is outstanding any more,
     * WRITTEN_OFF when written off by then) for the loans active on {@code from}: counts per pair. Both days in one pass over the
     * allocations and installments ({@code from} ≤ {@code to}).
     */
    public Map<String, Map<String, Long>> rolls(LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("fd", from);
        params.put("ed", to);
        params.put("tol", tolerance);
        params.put("fdEnd", from.plusDays(1).atStartOfDay());
        params.put("edEnd", to.plusDays(1).atStartOfDay());
        buckets.bind(params, "f", from);
        buckets.bind(params, "e", to);
        String sql = "WITH paid AS (SELECT loan_no, seq, SUM(CASE WHEN paid_on <= :fd THEN amount ELSE 0 END) AS f_amt,"
            + " SUM(amount) AS e_amt FROM payment_allocation WHERE paid_on <= :ed AND component IN ('PRINCIPAL', 'INTEREST')"
            + " GROUP BY loan_no, seq), "
            + "oldest AS (SELECT i.loan_no,"
            + " MIN(CASE WHEN i.due_on < :fd AND i.principal_due + i.interest_due - COALESCE(p.f_amt, 0) > :tol"
            + " THEN i.due_on END) AS f_due,"
            + " MIN(CASE WHEN i.principal_due + i.interest_due - COALESCE(p.e_amt, 0) > :tol THEN i.due_on END) AS e_due"
            + " FROM installment i LEFT JOIN paid p ON p.loan_no = i.loan_no AND p.seq = i.seq"
            + " WHERE i.due_on < :ed GROUP BY i.loan_no), "
            + "prin AS (SELECT loan_no, SUM(CASE WHEN paid_on <= :fd THEN amount ELSE 0 END) AS f_amt, SUM(amount) AS e_amt"
            + " FROM payment_allocation WHERE paid_on <= :ed AND component = 'PRINCIPAL' GROUP BY loan_no) "
            + "SELECT from_bucket, to_bucket, COUNT(*) AS loans FROM (SELECT "
            + buckets.caseSql("o.f_due", "f") + " AS from_bucket,"
            + " CASE WHEN EXISTS (" + WRITTEN_OFF_BY + " AND e.occurred_at < :edEnd) THEN '" + WRITTEN_OFF + "'"
            + " WHEN l.principal - COALESCE(pr.e_amt, 0) <= 0 THEN '" + PAID_OFF + "' ELSE "
            + buckets.caseSql("o.e_due", "e") + " END AS to_bucket"
            + " FROM loan l LEFT JOIN prin pr ON pr.loan_no = l.loan_no LEFT JOIN oldest o ON o.loan_no = l.loan_no"
            + " WHERE l.disbursed_on <= :fd AND l.principal - COALESCE(pr.f_amt, 0) > 0"
            + " AND NOT EXISTS (" + WRITTEN_OFF_BY + " AND e.occurred_at < :fdEnd)) r"
            + " GROUP BY from_bucket, to_bucket";
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            counts.computeIfAbsent(rs.getString("from_bucket"), b -> new HashMap<>())
                .put(rs.getString("to_bucket"), rs.getLong("loans"));
        });
        return counts;
    }

    /** The contract thresholds as map keys, in order. */
    static List<String> thresholdKeys() {
        List<String> keys = new ArrayList<>();
        Buckets.THRESHOLDS.forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }
}
