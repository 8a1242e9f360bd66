package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collection-case outcomes on a day: recovery per band and cures (set-based SQL, H2 and PostgreSQL).
 *
 * <p>Recovery of a case: "overdue at start" is the principal + interest of the installments due
 * before the case opened, less what was paid on them before that day. Band WITHIN_90 counts what
 * was paid on those installments in the first 90 days of the case, DAYS_90_179 in days 90–179 (as
 * a share of what was still unpaid on day 90), DAYS_180_PLUS from day 180 to asOf (share of what
 * was unpaid on day 180). A case enters a band's figures once it is old enough to have reached it.
 * Grouped by product, region and the case's strategy variant (pilot vs. standard strategy).
 */
public class CaseQueries {

    /** Recovery sums of the cases of one product × region. */
    public record RecoveryRow(String product, String region, String strategy, long[] cases, BigDecimal[] base, BigDecimal[] recovered) {
    }

    /** strategy of cases without a recorded strategy variant */
    public static final String NO_STRATEGY = "(none)";

    private final JdbcClient jdbc;

    public CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RecoveryRow> recovery(LocalDate asOf) {
        String sql = """
            WITH start_due AS (
                SELECT c.id AS case_id, c.loan_no, c.opened_on, i.seq, i.principal_due + i.interest_due AS amt
                FROM collection_case c JOIN installment i ON i.loan_no = c.loan_no AND i.due_on < c.opened_on
                WHERE c.opened_on <= :d),
            due_per_case AS (
                SELECT case_id, SUM(amt) AS due FROM start_due GROUP BY case_id),
            paid_per_case AS (
                SELECT s.case_id,
                    SUM(CASE WHEN a.paid_on < s.opened_on THEN a.amount ELSE 0 END) AS before_start,
                    SUM(CASE WHEN a.paid_on >= s.opened_on AND a.paid_on < s.opened_on + INTERVAL '90' DAY
                        THEN a.amount ELSE 0 END) AS r1,
                    SUM(CASE WHEN a.paid_on >= s.opened_on + INTERVAL '90' DAY AND a.paid_on < s.opened_on + INTERVAL '180' DAY
                        THEN a.amount ELSE 0 END) AS r2,
                    SUM(CASE WHEN a.paid_on >= s.opened_on + INTERVAL '180' DAY THEN a.amount ELSE 0 END) AS r3
                FROM start_due s JOIN payment_allocation a ON a.loan_no = s.loan_no AND a.seq = s.seq
                    AND a.component IN ('PRINCIPAL', 'INTEREST') AND a.paid_on <= :d
                GROUP BY s.case_id),
            per_case AS (
                SELECT c.opened_on, l.product, b.region, COALESCE(c.strategy_variant, :none) AS strategy,
                    d.due - COALESCE(p.before_start, 0) AS o,
                    COALESCE(p.r1, 0) AS r1, COALESCE(p.r2, 0) AS r2, COALESCE(p.r3, 0) AS r3
                FROM due_per_case d JOIN collection_case c ON c.id = d.case_id
                JOIN loan l ON l.loan_no = c.loan_no JOIN borrower b ON b.borrower_id = l.borrower_id
                LEFT JOIN paid_per_case p ON p.case_id = d.case_id)
            SELECT product, region, strategy,
                COUNT(*) AS n1, SUM(o) AS base1, SUM(r1) AS rec1,
                SUM(CASE WHEN opened_on <= :c90 THEN 1 ELSE 0 END) AS n2,
                SUM(CASE WHEN opened_on <= :c90 THEN o - r1 ELSE 0 END) AS base2,
                SUM(CASE WHEN opened_on <= :c90 THEN r2 ELSE 0 END) AS rec2,
                SUM(CASE WHEN opened_on <= :c180 THEN 1 ELSE 0 END) AS n3,
                SUM(CASE WHEN opened_on <= :c180 THEN o - r1 - r2 ELSE 0 END) AS base3,
                SUM(CASE WHEN opened_on <= :c180 THEN r3 ELSE 0 END) AS rec3
            FROM per_case WHERE o > 0 GROUP BY product, region, strategy
            """;
        return jdbc.sql(sql).param("d", asOf).param("c90", asOf.minusDays(90)).param("c180", asOf.minusDays(180))
            .param("none", NO_STRATEGY)
            .query((rs, n) -> new RecoveryRow(rs.getString("product"), rs.getString("region"), rs.getString("strategy"),
                new long[] {rs.getLong("n1"), rs.getLong("n2"), rs.getLong("n3")},
                new BigDecimal[] {rs.getBigDecimal("base1"), rs.getBigDecimal("base2"), rs.getBigDecimal("base3")},
                new BigDecimal[] {rs.getBigDecimal("rec1"), rs.getBigDecimal("rec2"), rs.getBigDecimal("rec3")}))
            .list();
    }

    /** Cure figures: the month to asOf and the 90-day cure of last year's cohort. */
    public Kpis.Cure cure(LocalDate asOf) {
        LocalDate monthStart = asOf.minusMonths(1);
        long inMonth = jdbc.sql("""
                SELECT COUNT(*) FROM collection_case WHERE opened_on <= :d AND (closed_on IS NULL OR closed_on > :m)
                """).param("d", asOf).param("m", monthStart).query(Long.class).single();
        long cured = jdbc.sql("""
                SELECT COUNT(*) FROM collection_case WHERE status = 'CURED' AND closed_on > :m AND closed_on <= :d
                """).param("d", asOf).param("m", monthStart).query(Long.class).single();
        String cohort = " FROM collection_case WHERE opened_on <= :c90 AND opened_on > :c455";
        long cohortCases = jdbc.sql("SELECT COUNT(*)" + cohort).param("c90", asOf.minusDays(90))
            .param("c455", asOf.minusDays(455)).query(Long.class).single();
        long curedIn90 = jdbc.sql("SELECT COUNT(*)" + cohort
                + " AND status = 'CURED' AND closed_on < opened_on + INTERVAL '90' DAY")
            .param("c90", asOf.minusDays(90)).param("c455", asOf.minusDays(455)).query(Long.class).single();
        return new Kpis.Cure(inMonth, cured, Kpis.ratio(cured, inMonth), cohortCases, curedIn90,
            Kpis.ratio(curedIn90, cohortCases));
    }
}
