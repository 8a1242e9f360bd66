package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Computes the KPI document of a day from the loan book, cases and contact tables (live, not from a snapshot). */
public class KpiCalculator {

    static final String PRODUCT = "product";
    static final String REGION = "region";
    static final String RISK_GRADE = "riskGrade";
    static final String STRATEGY = "strategy";
    static final String TEAM = "team";
    static final String AGENCY = "agency";
    static final String COLLECTOR = "collector";
    /** the slice dimensions (SPEC I1-I8: by product, region, risk grade, team, agency, collector, strategy variant) */
    public static final List<String> DIMENSIONS = List.of(PRODUCT, REGION, RISK_GRADE, STRATEGY, TEAM, AGENCY, COLLECTOR);
    /** risk grades (processes/risk-grade.dmn) from good to bad; other values after them by name */
    private static final List<String> GRADES = List.of("LOW", "MEDIUM", "HIGH");
    private static final Comparator<String> BY_NAME = Comparator.naturalOrder();
    private static final Comparator<String> BY_GRADE = Comparator.<String>comparingInt(
        g -> GRADES.contains(g) ? GRADES.indexOf(g) : GRADES.size()).thenComparing(BY_NAME);

    private final PortfolioQueries portfolio;
    private final CaseQueries cases;
    private final OperationsQueries operations;
    private final Buckets buckets;
    private final KpiTargets targets;
    private final Teams teams;

    public KpiCalculator(PortfolioQueries portfolio, CaseQueries cases, OperationsQueries operations, Buckets buckets,
            KpiTargets targets, Teams teams) {
        this.portfolio = portfolio;
        this.cases = cases;
        this.operations = operations;
        this.buckets = buckets;
        this.targets = targets;
        this.teams = teams;
    }

    /** Every KPI on {@code asOf}, with the slices of every dimension. */
    public Kpis compute(LocalDate asOf) {
        List<PortfolioQueries.BookRow> book = portfolio.book(asOf);
        List<CaseQueries.RecoveryRow> recovery = cases.recovery(asOf);
        long active = book.stream().mapToLong(PortfolioQueries.BookRow::loans).sum();
        BigDecimal outstanding = book.stream().map(PortfolioQueries.BookRow::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Kpis.OverdueRate> rates = overdueRates(book);
        Map<String, Long> byBucket = new LinkedHashMap<>();
        buckets.names().forEach(b -> byBucket.put(b, 0L));
        book.forEach(row -> byBucket.merge(row.bucket(), row.loans(), Long::sum));
        Map<String, Kpis.BandRecovery> recoveryRates = recoveryRates(recovery);

        Set<String> collectors = new TreeSet<>();
        recovery.forEach(row -> collectors.add(row.collector()));
        collectors.remove(CaseQueries.NONE);
        Map<String, String> teamOf = teams.teamOf(collectors);
        List<Kpis.Slice> slices = new ArrayList<>();
        slices.addAll(slices(PRODUCT, book, recovery, PortfolioQueries.BookRow::product, CaseQueries.RecoveryRow::product,
            BY_NAME));
        slices.addAll(slices(REGION, book, recovery, PortfolioQueries.BookRow::region, CaseQueries.RecoveryRow::region,
            BY_NAME));
        slices.addAll(slices(RISK_GRADE, book, recovery, PortfolioQueries.BookRow::riskGrade,
            CaseQueries.RecoveryRow::riskGrade, BY_GRADE));
        slices.addAll(caseSlices(STRATEGY, recovery, CaseQueries.RecoveryRow::strategy));
        slices.addAll(caseSlices(TEAM, recovery, row -> teamOf.getOrDefault(row.collector(), CaseQueries.NONE)));
        slices.addAll(caseSlices(AGENCY, recovery, CaseQueries.RecoveryRow::agency));
        slices.addAll(caseSlices(COLLECTOR, recovery, CaseQueries.RecoveryRow::collector));

        Kpis.Operations ops = operations.period(asOf.minusMonths(1).plusDays(1), asOf);
        return new Kpis(asOf, active, outstanding, rates, byBucket, rollRates(asOf.minusMonths(1), asOf),
            cases.cure(asOf), recoveryRates, recoveryBy(recovery, CaseQueries.RecoveryRow::strategy, BY_NAME),
            recoveryBy(recovery, CaseQueries.RecoveryRow::riskGrade, BY_GRADE), cases.recoveryByStage(asOf), ops,
            targets.evaluate(rates, recoveryRates), null, slices, "live");
    }

    /** The recovery bands per value of a case attribute, values in order. */
    private static Map<String, Map<String, Kpis.BandRecovery>> recoveryBy(List<CaseQueries.RecoveryRow> recovery,
            Function<CaseQueries.RecoveryRow, String> key, Comparator<String> order) {
        Map<String, Map<String, Kpis.BandRecovery>> result = new LinkedHashMap<>();
        group(recovery, key, order).forEach((value, rows) -> result.put(value, recoveryRates(rows)));
        return result;
    }

    private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key, Comparator<String> order) {
        Map<String, List<T>> groups = new TreeMap<>(order);
        rows.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        return groups;
    }

    /**
     * Slices of a dimension the loan book has (product, region, risk grade): book figures and recovery;
     * a value only the cases have (e.g. a grade no active loan has any more) gets zero book figures.
     */
    private List<Kpis.Slice> slices(String dimension, List<PortfolioQueries.BookRow> book,
            List<CaseQueries.RecoveryRow> recovery, Function<PortfolioQueries.BookRow, String> bookKey,
            Function<CaseQueries.RecoveryRow, String> recoveryKey, Comparator<String> order) {
        Map<String, List<CaseQueries.RecoveryRow>> recoveryGroups = group(recovery, recoveryKey, order);
        Map<String, List<PortfolioQueries.BookRow>> bookGroups = group(book, bookKey, order);
        Set<String> values = new TreeSet<>(order);
        values.addAll(bookGroups.keySet());
        values.addAll(recoveryGroups.keySet());
        List<Kpis.Slice> slices = new ArrayList<>();
        for (String value : values) {
            List<PortfolioQueries.BookRow> rows = bookGroups.getOrDefault(value, List.of());
            slices.add(new Kpis.Slice(dimension, value, rows.stream().mapToLong(PortfolioQueries.BookRow::loans).sum(),
                rows.stream().map(PortfolioQueries.BookRow::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
                overdueRates(rows), recoveryRates(recoveryGroups.getOrDefault(value, List.of()))));
        }
        return slices;
    }

    /** Slices of a case dimension (strategy, team, agency, collector): recovery only. */
    private static List<Kpis.Slice> caseSlices(String dimension, List<CaseQueries.RecoveryRow> recovery,
            Function<CaseQueries.RecoveryRow, String> key) {
        List<Kpis.Slice> slices = new ArrayList<>();
        group(recovery, key, BY_NAME).forEach((value, rows) ->
            slices.add(new Kpis.Slice(dimension, value, null, null, null, recoveryRates(rows))));
        return slices;
    }

    static Map<String, Kpis.OverdueRate> overdueRates(List<PortfolioQueries.BookRow> rows) {
        long loans = rows.stream().mapToLong(PortfolioQueries.BookRow::loans).sum();
        BigDecimal balance = rows.stream().map(PortfolioQueries.BookRow::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Kpis.OverdueRate> rates = new LinkedHashMap<>();
        List<String> keys = PortfolioQueries.thresholdKeys();
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            long overdue = rows.stream().mapToLong(r -> r.overdueLoans()[index]).sum();
            BigDecimal overdueBalance = rows.stream().map(r -> r.overdueBalance()[index]).reduce(BigDecimal.ZERO, BigDecimal::add);
            rates.put(keys.get(i), new Kpis.OverdueRate(Kpis.ratio(overdue, loans), Kpis.ratio(overdueBalance, balance),
                overdue, overdueBalance));
        }
        return rates;
    }

    static Map<String, Kpis.BandRecovery> recoveryRates(List<CaseQueries.RecoveryRow> rows) {
        Map<String, Kpis.BandRecovery> rates = new LinkedHashMap<>();
        RecoveryBand[] bands = RecoveryBand.values();
        for (int i = 0; i < bands.length; i++) {
            int index = i;
            long n = rows.stream().mapToLong(r -> r.cases()[index]).sum();
            BigDecimal base = rows.stream().map(r -> r.base()[index]).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal recovered = rows.stream().map(r -> r.recovered()[index]).reduce(BigDecimal.ZERO, BigDecimal::add);
            rates.put(bands[i].name(), new Kpis.BandRecovery(n, base, recovered, Kpis.ratio(recovered, base)));
        }
        return rates;
    }

    /** Roll-rate matrix from {@code from} to {@code to}; rows are the buckets on {@code from}. */
    public Kpis.RollRates rollRates(LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> raw = portfolio.rolls(from, to);
        List<String> fromBuckets = buckets.names();
        List<String> toBuckets = new ArrayList<>(fromBuckets);
        toBuckets.add(PortfolioQueries.PAID_OFF);
        toBuckets.add(PortfolioQueries.WRITTEN_OFF);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
        for (String f : fromBuckets) {
            Map<String, Long> row = new LinkedHashMap<>();
            toBuckets.forEach(t -> row.put(t, raw.getOrDefault(f, Map.of()).getOrDefault(t, 0L)));
            long total = row.values().stream().mapToLong(Long::longValue).sum();
            Map<String, BigDecimal> rateRow = new LinkedHashMap<>();
            row.forEach((t, n) -> rateRow.put(t, Kpis.ratio(n, total)));
            counts.put(f, row);
            rates.put(f, rateRow);
        }
        return new Kpis.RollRates(from, to, fromBuckets, toBuckets, counts, rates);
    }
}
