package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.collectflow.casework.CollectionCase.Stages;

/**
 * Collection-case outcomes on a day: recovery per band and cures (set-based SQL, H2 and PostgreSQL).
 *
 * <p>Recovery of a case: "overdue at start" is the principal + interest of the installments due
 * before the case opened, less what was paid on them before that day. Band WITHIN_90 counts what
 * was paid on those installments in the first 90 days of the case, DAYS_90_179 in days 90–179 (as
 * a share of what was still unpaid on day 90), DAYS_180_PLUS from day 180 to asOf (share of what
 * was unpaid on day 180). A case enters a band's figures once it is old enough to have reached it.
 * Grouped by product, region, the case's strategy variant (pilot vs. standard strategy), its risk
 * grade at the start (the first score recorded on or after the opening day, by asOf; else the last
 * before it), its collector (operator of the latest COLLECTOR contact on the loan while the case was
 * open, by asOf) and its agency (the latest placement of the loan made while the case was open).
 * Attributes a case does not have are "(none)".
 *
 * <p>Recovery by stage ({@link #recoveryByStage}) counts stays in a stage (case_stage_history, V140):
 * what was overdue when the case entered the stage (principal + interest due before that day, less
 * what was paid before) and what was paid on it while the case was there. A payment on the day a
 * case moves counts for the stage it leaves.
 */
public class CaseQueries {

    /** Recovery sums of the cases of one product × region × strategy × risk grade × collector × agency. */
    public record RecoveryRow(String product, String region, String strategy, String riskGrade, String collector,
            String agency, long[] cases, BigDecimal[] base, BigDecimal[] recovered) {
    }

    /** the value of an attribute a case (or loan) does not have: no strategy variant, never scored, … */
    public static final String NONE = "(none)";
    /** strategy of cases without a recorded strategy variant */
    public static final String NO_STRATEGY = NONE;

    /**
     * Per case opened by {@code :d}: what was overdue at its start ({@code due}, less {@code before_start} paid
     * before the opening day) and what was paid on it in days 0–89 ({@code r1}), 90–179 and from 180 on, by {@code :d}.
     */
    private static final String RECOVERY_PER_CASE = """
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
                GROUP BY s.case_id)""";

    private final JdbcClient jdbc;

    public CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RecoveryRow> recovery(LocalDate asOf) {
        String sql = RECOVERY_PER_CASE + """
            ,
            per_case AS (
                SELECT c.opened_on, l.product, b.region, COALESCE(c.strategy_variant, :none) AS strategy,
                    COALESCE(
                        (SELECT r.grade FROM risk_score_history r WHERE r.loan_no = c.loan_no AND r.scored_at >= c.opened_on
                            AND r.scored_at < :dEnd ORDER BY r.scored_at, r.id FETCH FIRST 1 ROW ONLY),
                        (SELECT r.grade FROM risk_score_history r WHERE r.loan_no = c.loan_no AND r.scored_at < c.opened_on
                            ORDER BY r.scored_at DESC, r.id DESC FETCH FIRST 1 ROW ONLY), :none) AS grade,
                    COALESCE((SELECT k.operator_id FROM contact_log k WHERE k.loan_no = c.loan_no
                            AND k.operator_type = 'COLLECTOR' AND k.occurred_at >= c.opened_on AND k.occurred_at < :dEnd
                            AND (c.closed_on IS NULL OR k.occurred_at < c.closed_on + INTERVAL '1' DAY)
                            ORDER BY k.occurred_at DESC, k.id DESC FETCH FIRST 1 ROW ONLY), :none) AS collector,
                    COALESCE((SELECT p.agency_code FROM agency_placement p WHERE p.loan_no = c.loan_no
                            AND p.placed_at >= c.opened_on AND p.placed_at < :dEnd
                            AND (c.closed_on IS NULL OR p.placed_at < c.closed_on + INTERVAL '1' DAY)
                            ORDER BY p.placed_at DESC, p.id DESC FETCH FIRST 1 ROW ONLY), :none) AS agency,
                    d.due - COALESCE(p.before_start, 0) AS o,
                    COALESCE(p.r1, 0) AS r1, COALESCE(p.r2, 0) AS r2, COALESCE(p.r3, 0) AS r3
                FROM due_per_case d JOIN collection_case c ON c.id = d.case_id
                JOIN loan l ON l.loan_no = c.loan_no JOIN borrower b ON b.borrower_id = l.borrower_id
                LEFT JOIN paid_per_case p ON p.case_id = d.case_id)
            SELECT product, region, strategy, grade, collector, agency,
                COUNT(*) AS n1, SUM(o) AS base1, SUM(r1) AS rec1,
                SUM(CASE WHEN opened_on <= :c90 THEN 1 ELSE 0 END) AS n2,
                SUM(CASE WHEN opened_on <= :c90 THEN o - r1 ELSE 0 END) AS base2,
                SUM(CASE WHEN opened_on <= :c90 THEN r2 ELSE 0 END) AS rec2,
                SUM(CASE WHEN opened_on <= :c180 THEN 1 ELSE 0 END) AS n3,
                SUM(CASE WHEN opened_on <= :c180 THEN o - r1 - r2 ELSE 0 END) AS base3,
                SUM(CASE WHEN opened_on <= :c180 THEN r3 ELSE 0 END) AS rec3
            FROM per_case WHERE o > 0 GROUP BY product, region, strategy, grade, collector, agency
            """;
        return jdbc.sql(sql).param("d", asOf).param("c90", asOf.minusDays(90)).param("c180", asOf.minusDays(180))
            .param("dEnd", asOf.plusDays(1).atStartOfDay()).param("none", NONE)
            .query((rs, n) -> new RecoveryRow(rs.getString("product"), rs.getString("region"), rs.getString("strategy"),
                rs.getString("grade"), rs.getString("collector"), rs.getString("agency"),
                new long[] {rs.getLong("n1"), rs.getLong("n2"), rs.getLong("n3")},
                new BigDecimal[] {rs.getBigDecimal("base1"), rs.getBigDecimal("base2"), rs.getBigDecimal("base3")},
                new BigDecimal[] {rs.getBigDecimal("rec1"), rs.getBigDecimal("rec2"), rs.getBigDecimal("rec3")}))
            .list();
    }

    /** One case's overdue amount at its start and what was paid on it in its first 90 days. */
    public record CaseRecovery(long caseId, String strategy, LocalDate openedOn, BigDecimal overdueAtStart,
            BigDecimal recoveredWithin90) {
    }

    /**
     * Recovery in the first 90 days of every case opened from {@code from} to {@code asOf} with something overdue at
     * its start (payments by {@code asOf}): per case, for comparisons that need the spread between cases.
     */
    public List<CaseRecovery> recoveryPerCase(LocalDate from, LocalDate asOf) {
        String sql = RECOVERY_PER_CASE + """

            SELECT c.id, COALESCE(c.strategy_variant, :none) AS strategy, c.opened_on,
                d.due - COALESCE(p.before_start, 0) AS o, COALESCE(p.r1, 0) AS r1
            FROM due_per_case d JOIN collection_case c ON c.id = d.case_id
            LEFT JOIN paid_per_case p ON p.case_id = d.case_id
            WHERE c.opened_on >= :from AND d.due - COALESCE(p.before_start, 0) > 0
            ORDER BY c.id
            """;
        return jdbc.sql(sql).param("d", asOf).param("from", from).param("none", NONE)
            .query((rs, n) -> new CaseRecovery(rs.getLong("id"), rs.getString("strategy"),
                rs.getDate("opened_on").toLocalDate(), rs.getBigDecimal("o"), rs.getBigDecimal("r1")))
            .list();
    }

    /** Recovery per stage on {@code asOf}: stays entered by then, overdue at entry and paid while in the stage. */
    public Map<String, Kpis.BandRecovery> recoveryByStage(LocalDate asOf) {
        String sql = """
            WITH stay AS (
                SELECT h.id, h.stage, h.loan_no, h.entered_on,
                    CASE WHEN EXISTS (SELECT 1 FROM case_stage_history p WHERE p.process_instance_id = h.process_instance_id
                            AND p.id < h.id AND p.left_on = h.entered_on)
                        THEN CAST(h.entered_on + INTERVAL '1' DAY AS DATE) ELSE h.entered_on END AS window_from,
                    CASE WHEN h.left_on IS NOT NULL AND h.left_on <= :d THEN h.left_on ELSE :d END AS window_to
                FROM case_stage_history h WHERE h.entered_on <= :d),
            due AS (
                SELECT s.id, SUM(i.principal_due + i.interest_due) AS amt
                FROM stay s JOIN installment i ON i.loan_no = s.loan_no AND i.due_on < s.entered_on GROUP BY s.id),
            paid AS (
                SELECT s.id,
                    SUM(CASE WHEN a.paid_on < s.window_from THEN a.amount ELSE 0 END) AS before_entry,
                    SUM(CASE WHEN a.paid_on >= s.window_from AND a.paid_on <= s.window_to THEN a.amount ELSE 0 END) AS during
                FROM stay s JOIN installment i ON i.loan_no = s.loan_no AND i.due_on < s.entered_on
                JOIN payment_allocation a ON a.loan_no = i.loan_no AND a.seq = i.seq
                    AND a.component IN ('PRINCIPAL', 'INTEREST') AND a.paid_on <= :d
                GROUP BY s.id)
            SELECT s.stage, COUNT(*) AS n, SUM(d.amt - COALESCE(p.before_entry, 0)) AS base, SUM(COALESCE(p.during, 0)) AS rec
            FROM stay s JOIN due d ON d.id = s.id LEFT JOIN paid p ON p.id = s.id
            WHERE d.amt - COALESCE(p.before_entry, 0) > 0
            GROUP BY s.stage
            """;
        Map<String, Kpis.BandRecovery> byStage = new TreeMap<>(
            Comparator.comparingInt(CaseQueries::stageRank).thenComparing(Comparator.naturalOrder()));
        jdbc.sql(sql).param("d", asOf).query(rs -> {
            BigDecimal base = rs.getBigDecimal("base");
            BigDecimal recovered = rs.getBigDecimal("rec");
            byStage.put(rs.getString("stage"), new Kpis.BandRecovery(rs.getLong("n"), base, recovered,
                Kpis.ratio(recovered, base)));
        });
        return new LinkedHashMap<>(byStage);
    }

    /** escalation order of the stages (collection-case.bpmn); unknown stages last */
    private static int stageRank(String stage) {
        int rank = STAGE_ORDER.indexOf(stage);
        return rank < 0 ? STAGE_ORDER.size() : rank;
    }

    private static final List<String> STAGE_ORDER = List.of(Stages.FIRST_LINE, Stages.SECOND_LINE, Stages.AGENCY, Stages.LEGAL,
        Stages.WRITE_OFF);

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
