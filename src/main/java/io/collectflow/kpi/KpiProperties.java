package io.collectflow.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.collectflow.contact.log.ContactResults;

/**
 * KPI settings ({@code collectflow.kpi.*}).
 *
 * @param snapshotCron when the daily snapshot of the day before is written; "-" disables it
 * @param hourlyCost cost of one hour of staff time on a Tasklist task
 * @param channelCosts cost per contact (contact_log row) by channel (call, sms, email, voice, visit)
 * @param rightPartyResults contact_log results that count as reaching the borrower (right-party contact); by
 *        default {@link ContactResults#REACHED}, the set lost-contact detection and write-off eligibility use
 * @param cockpitUrl base of the drill-down links; the process instance id is appended
 * @param targets the plan's goals (SPEC I7)
 */
@ConfigurationProperties("collectflow.kpi")
public record KpiProperties(
        @DefaultValue("0 15 3 * * *") String snapshotCron,
        @DefaultValue("30.00") BigDecimal hourlyCost,
        Map<String, BigDecimal> channelCosts,
        List<String> rightPartyResults,
        @DefaultValue("/camunda/app/cockpit/default/#/process-instance/") String cockpitUrl,
        @DefaultValue Targets targets) {

    public KpiProperties {
        channelCosts = channelCosts == null ? Map.of() : Map.copyOf(channelCosts);
        rightPartyResults = rightPartyResults == null || rightPartyResults.isEmpty() ? ContactResults.REACHED
            : List.copyOf(rightPartyResults);
    }

    /**
     * @param overdueMax highest acceptable overdue rate (by count) per DPD threshold ("30" → 0.05)
     * @param recoveryMin lowest acceptable recovery rate per band (RECOVERY_0_89, RECOVERY_90_179, RECOVERY_180_PLUS)
     */
    public record Targets(Map<String, BigDecimal> overdueMax, Map<String, BigDecimal> recoveryMin) {

        public Targets {
            overdueMax = overdueMax == null || overdueMax.isEmpty()
                ? Map.of("30", new BigDecimal("0.05"), "60", new BigDecimal("0.02"), "90", new BigDecimal("0.01"))
                : Map.copyOf(overdueMax);
            recoveryMin = recoveryMin == null || recoveryMin.isEmpty()
                ? Map.of(RecoveryBand.WITHIN_90.name(), new BigDecimal("0.70"),
                    RecoveryBand.DAYS_90_179.name(), new BigDecimal("0.50"),
                    RecoveryBand.DAYS_180_PLUS.name(), new BigDecimal("0.20"))
                : Map.copyOf(recoveryMin);
        }
    }
}
