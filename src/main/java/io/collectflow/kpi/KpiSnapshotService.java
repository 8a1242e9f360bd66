package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.collectflow.loan.LenderCalendar;

/**
 * Daily KPI snapshots (V60): {@link #snapshot(LocalDate)} computes a day and stores it, replacing
 * an earlier snapshot of the same day in one transaction. Call it after each delinquency scan;
 * the daily job ({@code collectflow.kpi.snapshot-cron}, "-" disables it) snapshots the lender's today.
 */
public class KpiSnapshotService {

    private static final Logger LOG = LoggerFactory.getLogger(KpiSnapshotService.class);
    static final String ALL = "ALL";

    private final KpiCalculator calculator;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final LenderCalendar calendar;
    private final ScorecardService scorecards;

    /**
     * @param scorecards the month's collector and agency scorecards are stored with the snapshot (dashboard)
     * @param calendar the daily job snapshots the lender's today
     */
    public KpiSnapshotService(KpiCalculator calculator, ScorecardService scorecards, JdbcClient jdbc,
            TransactionTemplate tx, ObjectMapper json, Clock clock, LenderCalendar calendar) {
        this.calculator = calculator;
        this.scorecards = scorecards;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${collectflow.kpi.snapshot-cron:0 15 3 * * *}")
    public void daily() {
        LocalDate today = calendar.today();
        long started = System.nanoTime();
        snapshot(today);
        LOG.info("KPI snapshot of {} written in {} ms", today, (System.nanoTime() - started) / 1_000_000);
    }

    /** Computes the KPIs of {@code asOf} and stores them; a snapshot of the same day is replaced. */
    public Kpis snapshot(LocalDate asOf) {
        Kpis kpis = calculator.compute(asOf).withSource("snapshot")
            .withScorecards(scorecards.scorecards(monthStart(asOf), asOf));
        String document = write(kpis);
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM kpi_snapshot_overdue WHERE as_of = :d").param("d", asOf).update();
            jdbc.sql("DELETE FROM kpi_snapshot WHERE as_of = :d").param("d", asOf).update();
            jdbc.sql("""
                    INSERT INTO kpi_snapshot (as_of, computed_at, active_loans, outstanding, recovery_within_90,
                        recovery_90_179, recovery_180_plus, cure_rate, cost_per_case, recovered, document)
                    VALUES (:d, :at, :loans, :outstanding, :r1, :r2, :r3, :cure, :cost, :recovered, :doc)
                    """)
                .param("d", asOf).param("at", LocalDateTime.now(clock)).param("loans", kpis.activeLoans())
                .param("outstanding", kpis.outstandingPrincipal())
                .param("r1", kpis.recoveryRates().get(RecoveryBand.WITHIN_90.name()).rate())
                .param("r2", kpis.recoveryRates().get(RecoveryBand.DAYS_90_179.name()).rate())
                .param("r3", kpis.recoveryRates().get(RecoveryBand.DAYS_180_PLUS.name()).rate())
                .param("cure", kpis.cure().cureRate()).param("cost", kpis.operations().costPerCase())
                .param("recovered", kpis.operations().recovered()).param("doc", document).update();
            insertOverdue(asOf, ALL, "*", kpis.activeLoans(), kpis.outstandingPrincipal(), kpis.overdueRates());
            for (Kpis.Slice slice : kpis.slices()) {
                if (slice.overdueRates() == null) {
                    continue;
                }
                insertOverdue(asOf, slice.dimension().toUpperCase(), slice.value(), slice.activeLoans(),
                    slice.outstandingPrincipal(), slice.overdueRates());
            }
        });
        return kpis;
    }

    private void insertOverdue(LocalDate asOf, String type, String value, long loans, BigDecimal outstanding,
            Map<String, Kpis.OverdueRate> rates) {
        rates.forEach((threshold, rate) -> jdbc.sql("""
                INSERT INTO kpi_snapshot_overdue (as_of, slice_type, slice_value, dpd_threshold, active_loans, outstanding,
                    overdue_loans, overdue_balance, rate_by_count, rate_by_balance)
                VALUES (:d, :type, :value, :threshold, :loans, :outstanding, :overdue, :balance, :byCount, :byBalance)
                """)
            .param("d", asOf).param("type", type).param("value", value).param("threshold", Integer.parseInt(threshold))
            .param("loans", loans).param("outstanding", outstanding).param("overdue", rate.loans())
            .param("balance", rate.balance()).param("byCount", rate.byCount()).param("byBalance", rate.byBalance())
            .update());
    }

    /** The first day of the month to {@code day}: (day − 1 month, day]. */
    static LocalDate monthStart(LocalDate day) {
        return day.minusMonths(1).plusDays(1);
    }

    /** The stored snapshot of {@code asOf}, if one was written. */
    public Optional<Kpis> find(LocalDate asOf) {
        return jdbc.sql("SELECT document FROM kpi_snapshot WHERE as_of = :d").param("d", asOf)
            .query(String.class).optional().map(this::read);
    }

    /** The snapshot of {@code asOf} when there is one, else computed live (not stored). */
    public Kpis kpis(LocalDate asOf) {
        return find(asOf).orElseGet(() -> calculator.compute(asOf));
    }

    /** One trend point per stored snapshot from {@code from} to {@code to}, oldest first (columns only, no documents). */
    public List<TrendPoint> trend(LocalDate from, LocalDate to) {
        Map<LocalDate, TrendPoint> points = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.as_of, s.active_loans, s.recovery_within_90, s.recovery_90_179, s.recovery_180_plus, s.cure_rate,
                    s.cost_per_case, s.recovered, o.dpd_threshold, o.rate_by_count, o.rate_by_balance
                FROM kpi_snapshot s JOIN kpi_snapshot_overdue o ON o.as_of = s.as_of AND o.slice_type = 'ALL'
                WHERE s.as_of >= :from AND s.as_of <= :to ORDER BY s.as_of, o.dpd_threshold
                """).param("from", from).param("to", to).query(rs -> {
                    LocalDate day = rs.getDate("as_of").toLocalDate();
                    TrendPoint point = points.get(day);
                    if (point == null) {
                        Map<String, BigDecimal> recovery = new LinkedHashMap<>();
                        recovery.put(RecoveryBand.WITHIN_90.name(), rs.getBigDecimal("recovery_within_90"));
                        recovery.put(RecoveryBand.DAYS_90_179.name(), rs.getBigDecimal("recovery_90_179"));
                        recovery.put(RecoveryBand.DAYS_180_PLUS.name(), rs.getBigDecimal("recovery_180_plus"));
                        point = new TrendPoint(day, rs.getLong("active_loans"), new LinkedHashMap<>(), new LinkedHashMap<>(),
                            recovery, rs.getBigDecimal("cure_rate"), rs.getBigDecimal("cost_per_case"),
                            rs.getBigDecimal("recovered"));
                        points.put(day, point);
                    }
                    String threshold = String.valueOf(rs.getInt("dpd_threshold"));
                    point.overdueByCount().put(threshold, rs.getBigDecimal("rate_by_count"));
                    point.overdueByBalance().put(threshold, rs.getBigDecimal("rate_by_balance"));
                });
        return new ArrayList<>(points.values());
    }

    /** A day of the trend: overdue rates by count and balance, recovery, cure, cost and recovered amount. */
    public record TrendPoint(LocalDate asOf, long activeLoans, Map<String, BigDecimal> overdueByCount,
            Map<String, BigDecimal> overdueByBalance, Map<String, BigDecimal> recovery, BigDecimal cureRate,
            BigDecimal costPerCase, BigDecimal recovered) {
    }

    /** Latest snapshot day, if any. */
    public Optional<LocalDate> latest() {
        List<LocalDate> day = jdbc.sql("SELECT MAX(as_of) FROM kpi_snapshot").query(LocalDate.class).list();
        return day.isEmpty() ? Optional.empty() : Optional.ofNullable(day.get(0));
    }

    private String write(Kpis kpis) {
        try {
            return json.writeValueAsString(kpis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("KPI document not serializable", e);
        }
    }

    private Kpis read(String document) {
        try {
            return json.readValue(document, Kpis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored KPI snapshot unreadable", e);
        }
    }
}
