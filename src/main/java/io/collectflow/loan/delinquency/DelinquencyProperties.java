package io.collectflow.loan.delinquency;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the daily delinquency scan ({@code collectflow.delinquency.*}).
 *
 * @param scanCron      cron of the daily scan (server time zone); {@code "-"} disables it
 * @param tolerance     an unpaid principal + interest residue up to this amount does not make an installment overdue
 * @param bucketBounds  lowest DPD of DPD_1_29, DPD_30_59, DPD_60_89, DPD_90_179, DPD_180_359 and DPD_360_PLUS
 * @param caseBatchSize loans handled per engine transaction when starting or correlating cases
 * @param caseThreads   threads that work on those batches at the same time (the batches touch different loans)
 * @param lockAtMost    how long a crashed node can hold the scan lock before another node may take it
 */
@ConfigurationProperties("collectflow.delinquency")
public record DelinquencyProperties(
        @DefaultValue("0 30 1 * * *") String scanCron,
        @DefaultValue("0.00") BigDecimal tolerance,
        @DefaultValue({"1", "30", "60", "90", "180", "360"}) List<Integer> bucketBounds,
        @DefaultValue("200") int caseBatchSize,
        @DefaultValue("2") int caseThreads,
        @DefaultValue("PT2H") Duration lockAtMost) {

    public DelinquencyProperties {
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("collectflow.delinquency.tolerance must not be negative: " + tolerance);
        }
        if (caseBatchSize < 1) {
            throw new IllegalArgumentException("collectflow.delinquency.case-batch-size must be at least 1: " + caseBatchSize);
        }
        if (caseThreads < 1) {
            throw new IllegalArgumentException("collectflow.delinquency.case-threads must be at least 1: " + caseThreads);
        }
        bucketBounds = List.copyOf(bucketBounds);
    }

    /** The bucket policy these bounds describe. */
    public BucketPolicy bucketPolicy() {
        return new BucketPolicy(bucketBounds);
    }
}
