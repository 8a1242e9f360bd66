package io.collectflow.kpi.challenger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.collectflow.kpi.CaseQueries;
import io.collectflow.kpi.challenger.ChallengerReport.Arm;
import io.collectflow.kpi.challenger.ChallengerReport.Comparison;

/**
 * Live champion/challenger (SPEC I8): the outcomes of the cases opened from {@code from} to {@code asOf}, per strategy
 * variant recorded on the case. Each metric counts only the cases old enough to have had the whole period:
 * <ul>
 * <li>{@code cure30} / {@code cure90}: cured (arrears cleared, case ended as CURED) within 30 / 90 days of opening,
 * of the cases opened at least 30 / 90 days before {@code asOf};</li>
 * <li>{@code roll30}: the loan reached 30 or more days past due (a bucket change of the scan) within 60 days of the
 * case's opening and while the case was open, of the cases opened at least 60 days before;</li>
 * <li>{@code recovery90}: principal and interest paid in the first 90 days ÷ what was overdue at the start, of the
 * cases opened at least 90 days before (the KPIs' recovery definition).</li>
 * </ul>
 * The arms are independent samples of cases (the challenger's are chosen by loan number), so the differences take
 * the two arms' spreads in squares.
 */
@Service
public class ChallengerService {

    static final int CURE_SHORT = 30;
    static final int CURE_LONG = 90;
    static final int ROLL_DAYS = 60;
    static final int ROLL_DPD = 30;
    static final int RECOVERY_DAYS = 90;

    private final JdbcClient jdbc;
    private final CaseQueries cases;

    @Autowired
    public ChallengerService(JdbcClient jdbc) {
        this(jdbc, new CaseQueries(jdbc));
    }

    public ChallengerService(JdbcClient jdbc, CaseQueries cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** One case's dates and whether its loan reached 30+ DPD within 60 days while it was open. */
    record CaseOutcome(String strategy, LocalDate openedOn, boolean cured, LocalDate closedOn, boolean rolled) {

        boolean curedWithin(int days) {
            return cured && closedOn != null && !closedOn.isAfter(openedOn.plusDays(days));
        }
    }

    /**
     * The arms of the cases opened from {@code from} to {@code asOf}, and {@code challenger} minus {@code champion};
     * {@code share}: the challenger's configured share of new cases (NaN when unknown: no assignment check).
     */
    public ChallengerReport compare(LocalDate from, LocalDate asOf, String champion, String challenger, double share) {
        if (from.isAfter(asOf)) {
            throw new IllegalArgumentException("from (" + from + ") must not be after asOf (" + asOf + ")");
        }
        Map<String, List<CaseOutcome>> outcomes = group(outcomes(from, asOf), CaseOutcome::strategy);
        Map<String, List<CaseQueries.CaseRecovery>> recoveries = group(
            cases.recoveryPerCase(from, asOf).stream().filter(r -> oldEnough(r.openedOn(), asOf, RECOVERY_DAYS)).toList(),
            CaseQueries.CaseRecovery::strategy);
        List<Arm> arms = new ArrayList<>();
        Map<String, Measures> measures = new TreeMap<>();
        for (Map.Entry<String, List<CaseOutcome>> e : outcomes.entrySet()) {
            Measures m = Measures.of(e.getValue(), recoveries.getOrDefault(e.getKey(), List.of()), asOf);
            measures.put(e.getKey(), m);
            arms.add(m.arm(e.getKey(), e.getValue().size()));
        }
        boolean samePair = champion.equals(challenger);
        Measures first = measures.getOrDefault(champion, Measures.EMPTY);
        Measures second = measures.getOrDefault(challenger, Measures.EMPTY);
        List<Comparison> differences = samePair ? List.<Comparison>of() : List.of(
            comparison(ChallengerReport.CURE_30, first.cure30(), second.cure30()),
            comparison(ChallengerReport.CURE_90, first.cure90(), second.cure90()),
            comparison(ChallengerReport.ROLL_30, first.roll30(), second.roll30()),
            comparison(ChallengerReport.RECOVERY_90, first.recovery90(), second.recovery90()));
        long onChallenger = samePair ? 0 : outcomes.getOrDefault(challenger, List.of()).size();
        long pair = outcomes.getOrDefault(champion, List.of()).size() + onChallenger;
        ChallengerReport.Assignment assignment = new ChallengerReport.Assignment(pair, onChallenger,
            pair == 0 ? null : (double) onChallenger / pair, finite(ArmStatistics.assignmentP(pair, onChallenger, share)));
        return new ChallengerReport(asOf, from, champion, challenger, finite(share), assignment, arms, differences);
    }

    private List<CaseOutcome> outcomes(LocalDate from, LocalDate asOf) {
        return jdbc.sql("""
                SELECT COALESCE(c.strategy_variant, :none) AS strategy, c.opened_on, c.status, c.closed_on,
                    CASE WHEN EXISTS (SELECT 1 FROM bucket_history h WHERE h.loan_no = c.loan_no AND h.dpd >= :rollDpd
                            AND h.as_of >= c.opened_on AND h.as_of <= c.opened_on + INTERVAL '%d' DAY
                            AND h.as_of <= :d AND (c.closed_on IS NULL OR h.as_of <= c.closed_on))
                        THEN 1 ELSE 0 END AS rolled
                FROM collection_case c WHERE c.opened_on >= :from AND c.opened_on <= :d
                ORDER BY c.id
                """.formatted(ROLL_DAYS)).param("none", CaseQueries.NONE).param("rollDpd", ROLL_DPD)
            .param("d", asOf).param("from", from)
            .query((rs, n) -> new CaseOutcome(rs.getString("strategy"), rs.getDate("opened_on").toLocalDate(),
                "CURED".equals(rs.getString("status")),
                rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(), rs.getInt("rolled") == 1))
            .list();
    }

    /** One arm's shares and recovery. */
    private record Measures(ArmStatistics.Share cure30, ArmStatistics.Share cure90, ArmStatistics.Share roll30,
            ArmStatistics.Ratio recovery90, BigDecimal overdue, BigDecimal recovered) {

        static final Measures EMPTY = new Measures(ArmStatistics.Share.of(0, 0), ArmStatistics.Share.of(0, 0),
            ArmStatistics.Share.of(0, 0), ArmStatistics.Ratio.of(List.of()), BigDecimal.ZERO, BigDecimal.ZERO);

        static Measures of(List<CaseOutcome> outcomes, List<CaseQueries.CaseRecovery> recoveries, LocalDate asOf) {
            return new Measures(cure(outcomes, CURE_SHORT, asOf), cure(outcomes, CURE_LONG, asOf),
                share(outcomes.stream().filter(o -> oldEnough(o.openedOn(), asOf, ROLL_DAYS)).toList(), CaseOutcome::rolled),
                ArmStatistics.Ratio.of(recoveries.stream().map(r -> new double[] {r.recoveredWithin90().doubleValue(),
                    r.overdueAtStart().doubleValue()}).toList()),
                recoveries.stream().map(CaseQueries.CaseRecovery::overdueAtStart).reduce(BigDecimal.ZERO, BigDecimal::add),
                recoveries.stream().map(CaseQueries.CaseRecovery::recoveredWithin90).reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        private static ArmStatistics.Share cure(List<CaseOutcome> outcomes, int days, LocalDate asOf) {
            return share(outcomes.stream().filter(o -> oldEnough(o.openedOn(), asOf, days)).toList(),
                o -> o.curedWithin(days));
        }

        private static ArmStatistics.Share share(List<CaseOutcome> eligible, Predicate<CaseOutcome> event) {
            return ArmStatistics.Share.of(eligible.size(), eligible.stream().filter(event).count());
        }

        Arm arm(String strategy, long cases) {
            ArmStatistics.Ratio r = recovery90;
            return new Arm(strategy, cases, rate(cure30), rate(cure90), rate(roll30),
                new ChallengerReport.Recovery(r.n(), overdue, recovered, finite(r.rate()), finite(r.low()),
                    finite(r.high())));
        }
    }

    static boolean oldEnough(LocalDate openedOn, LocalDate asOf, int days) {
        return !openedOn.plusDays(days).isAfter(asOf);
    }

    private static ChallengerReport.Rate rate(ArmStatistics.Share s) {
        return new ChallengerReport.Rate(s.n(), s.events(), finite(s.rate()), finite(s.low()), finite(s.high()));
    }

    private static Comparison comparison(String metric, ArmStatistics.Share first, ArmStatistics.Share second) {
        return comparison(metric, first.rate(), second.rate(), ArmStatistics.difference(first, second));
    }

    private static Comparison comparison(String metric, ArmStatistics.Ratio first, ArmStatistics.Ratio second) {
        return comparison(metric, first.rate(), second.rate(), ArmStatistics.difference(first, second));
    }

    private static Comparison comparison(String metric, double first, double second, ArmStatistics.Difference d) {
        return new Comparison(metric, finite(first), finite(second), finite(d.value()), finite(d.low()), finite(d.high()),
            finite(d.p()), d.clear());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new TreeMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }
}
