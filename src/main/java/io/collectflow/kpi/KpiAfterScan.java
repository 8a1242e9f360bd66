package io.collectflow.kpi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.collectflow.loan.delinquency.ScanCompleted;

/**
 * After every delinquency scan: records its duration for Prometheus and, unless switched off
 * ({@code collectflow.kpi.snapshot-after-scan}), writes the KPI snapshot of the scanned day so the
 * dashboard shows the new state at once. A failing snapshot never fails the scan.
 */
@Component
public class KpiAfterScan {

    private static final Logger LOG = LoggerFactory.getLogger(KpiAfterScan.class);

    private final KpiMetrics metrics;
    private final KpiSnapshotService snapshots;
    private final boolean snapshotAfterScan;

    public KpiAfterScan(KpiMetrics metrics, KpiSnapshotService snapshots,
                        @Value("${collectflow.kpi.snapshot-after-scan:true}") boolean snapshotAfterScan) {
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.snapshotAfterScan = snapshotAfterScan;
    }

    @EventListener
    public void scanCompleted(ScanCompleted scan) {
        metrics.recordScan(scan.duration());
        if (!snapshotAfterScan) {
            return;
        }
        try {
            snapshots.snapshot(scan.asOf());
        } catch (RuntimeException e) {
            LOG.error("KPI snapshot after the scan of {} failed; the daily snapshot job retries it", scan.asOf(), e);
        }
    }
}
