package io.collectflow.kpi;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.collectflow.ops.CachedCount;
import io.collectflow.ops.OpsProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Business metrics for operations (Prometheus): collection cases by status, contacts sent and
 * attempts blocked by the compliance guard, the latest snapshot's overdue rates, and the scan
 * duration timer the delinquency scan records into ({@link #recordScan(Duration)}). Counts are
 * cached for {@code collectflow.ops.metrics.refresh}; the engine's own gauges are in
 * {@code io.collectflow.ops.CamundaMetrics}.
 */
@Component
public class KpiMetrics implements MeterBinder {

    static final List<String> CASE_STATUSES = List.of("ACTIVE", "CURED", "CLOSED");

    private final JdbcClient jdbc;
    private final Duration refresh;
    private final List<CachedCount> counts = new ArrayList<>();
    private volatile Timer scanTimer;

    public KpiMetrics(JdbcClient jdbc, OpsProperties ops) {
        this.jdbc = jdbc;
        this.refresh = ops.metrics().refresh();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : CASE_STATUSES) {
            Gauge.builder("collectflow.cases", cached("cases." + status, () -> count(
                    "SELECT COUNT(*) FROM collection_case WHERE status = '" + status + "'")), CachedCount::value)
                .description("Collection cases by status").tag("status", status).baseUnit("cases").register(registry);
        }
        FunctionCounter.builder("collectflow.contacts.sent", cached("contacts.sent",
                () -> count("SELECT COUNT(*) FROM contact_log")), CachedCount::value)
            .description("Contacts made or attempted (contact log rows)").register(registry);
        FunctionCounter.builder("collectflow.contacts.blocked", cached("contacts.blocked",
                () -> count("SELECT COUNT(*) FROM compliance_verdict WHERE verdict = 'BLOCKED'")), CachedCount::value)
            .description("Contact attempts the compliance guard blocked").register(registry);
        for (int threshold : Buckets.THRESHOLDS) {
            // permille, so that the cached long keeps three decimals of the rate
            Gauge.builder("collectflow.kpi.overdue.rate", cached("overdue." + threshold, () -> count(
                    "SELECT COALESCE(MAX(ROUND(rate_by_count * 1000)), 0) FROM kpi_snapshot_overdue"
                        + " WHERE slice_type = 'ALL' AND dpd_threshold = " + threshold
                        + " AND as_of = (SELECT MAX(as_of) FROM kpi_snapshot)")), c -> c.value() / 1000.0)
                .description("Overdue rate by count of the latest KPI snapshot, by DPD threshold")
                .tag("dpd", String.valueOf(threshold)).register(registry);
        }
        scanTimer = Timer.builder("collectflow.scan.duration").description("Duration of the daily delinquency scan")
            .register(registry);
    }

    /** Records one delinquency scan's duration (called by the scan). */
    public void recordScan(Duration duration) {
        Timer timer = scanTimer;
        if (timer != null) {
            timer.record(duration);
        }
    }

    private long count(String sql) {
        Number n = jdbc.sql(sql).query(Number.class).single();
        return n == null ? 0 : n.longValue();
    }

    private CachedCount cached(String name, LongSupplier query) {
        CachedCount count = new CachedCount("collectflow." + name, query, refresh, Clock.systemUTC());
        counts.add(count);
        return count;
    }
}
