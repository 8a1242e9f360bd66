package io.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Targets, report periods, bucket names and the default complaint counter. */
class KpiRulesTest {

    private static Kpis.OverdueRate rate(String byCount) {
        return new Kpis.OverdueRate(new BigDecimal(byCount), BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    @Test
    void targetsAreMetBelowTheOverdueMaximumAndAboveTheRecoveryMinimum() {
        KpiTargets targets = new KpiTargets(new KpiProperties.Targets(null, null));
        Map<String, Kpis.OverdueRate> overdue = new LinkedHashMap<>();
        overdue.put("30", rate("0.049999"));
        overdue.put("60", rate("0.020000"));
        overdue.put("90", rate("0.005"));
        Map<String, Kpis.BandRecovery> recovery = Map.of(
            "WITHIN_90", new Kpis.BandRecovery(3, new BigDecimal("100"), new BigDecimal("71"), new BigDecimal("0.71")),
            "DAYS_90_179", new Kpis.BandRecovery(2, new BigDecimal("100"), new BigDecimal("50"), new BigDecimal("0.50")),
            "DAYS_180_PLUS", new Kpis.BandRecovery(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(targets.evaluate(overdue, recovery)).extracting(Kpis.TargetStatus::kpi, Kpis.TargetStatus::status)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("overdueRate30", KpiTargets.MET),
                // exactly at the 2 % maximum is not below it
                org.assertj.core.groups.Tuple.tuple("overdueRate60", KpiTargets.MISSED),
                org.assertj.core.groups.Tuple.tuple("overdueRate90", KpiTargets.MET),
                org.assertj.core.groups.Tuple.tuple("recoveryWITHIN_90", KpiTargets.MET),
                // exactly 50 % is not above it
                org.assertj.core.groups.Tuple.tuple("recoveryDAYS_90_179", KpiTargets.MISSED),
                org.assertj.core.groups.Tuple.tuple("recoveryDAYS_180_PLUS", KpiTargets.NO_DATA));
    }

    @Test
    void configuredTargetsReplaceTheDefaults() {
        KpiTargets targets = new KpiTargets(new KpiProperties.Targets(Map.of("30", new BigDecimal("0.80")), null));
        List<Kpis.TargetStatus> result = targets.evaluate(Map.of("30", rate("0.75")), Map.of());
        assertThat(result.get(0).status()).isEqualTo(KpiTargets.MET);
        assertThat(result).hasSize(4);
    }

    @Test
    void reportPeriods() {
        LocalDate day = LocalDate.of(2026, 5, 17);
        assertThat(ReportPeriod.of("month", day)).isEqualTo(new ReportPeriod("month", LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 31)));
        ReportPeriod quarter = ReportPeriod.of("QUARTER", day);
        assertThat(quarter.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(quarter.label()).isEqualTo("2026-Q2");
        assertThat(quarter.monthEnds()).containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31),
            LocalDate.of(2026, 6, 30));
        assertThat(ReportPeriod.of("year", day).label()).isEqualTo("2026");
        assertThatThrownBy(() -> ReportPeriod.of("week", day)).hasMessageContaining("month, quarter or year");
    }

    @Test
    void bucketNamesFollowTheBounds() {
        assertThat(new Buckets(List.of(1, 30, 60, 90, 180, 360)).names()).containsExactly("CURRENT", "DPD_1_29",
            "DPD_30_59", "DPD_60_89", "DPD_90_179", "DPD_180_359", "DPD_360_PLUS");
    }

    @Test
    void complaintCounterReadsTheComplaintTableOnlyWhenItExists() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:kpi-complaints;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TableComplaintCounter counter = new TableComplaintCounter(jdbc, new SchemaProbe(dataSource));
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        assertThat(counter.complaintsBetween(from, to)).isZero();
        jdbc.sql("CREATE TABLE complaint (id BIGINT PRIMARY KEY, received_at TIMESTAMP NOT NULL)").update();
        jdbc.sql("INSERT INTO complaint VALUES (1, TIMESTAMP '2026-02-28 23:59:59'), (2, TIMESTAMP '2026-03-01 00:00:00'),"
            + " (3, TIMESTAMP '2026-03-31 23:59:59'), (4, TIMESTAMP '2026-04-01 00:00:00')").update();
        // 2 and 3 fall in March (both ends inclusive, whole days)
        assertThat(counter.complaintsBetween(from, to)).isEqualTo(2);
    }
}
