package io.collectflow.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.collectflow.kpi.Kpis;

/**
 * The KPI document of a run's last day as report lines, grouped by SPEC id (I1–I7), plus the run's own
 * figures. Computed by the KPI package ({@code KpiCalculator}) from the simulated ledger.
 */
final class KpiLines {

    /** One figure: SPEC id, metric, key (threshold, band, bucket), value, target and status (I7). */
    record Line(String section, String metric, String key, String value, String target, String status) {
        String id() {
            return section + "|" + metric + "|" + key;
        }
    }

    private KpiLines() {
    }

    static List<Line> of(SimulationResult result) {
        Kpis k = result.kpis();
        List<Line> lines = new ArrayList<>();
        k.overdueRates().forEach((threshold, r) -> {
            lines.add(line("I1", "overdueRateByCount", threshold + "+", r.byCount()));
            lines.add(line("I1", "overdueRateByBalance", threshold + "+", r.byBalance()));
        });
        lines.add(line("I2", "cureRate", "month", k.cure().cureRate()));
        lines.add(line("I2", "casesCuredInMonth", "", BigDecimal.valueOf(k.cure().curedInMonth())));
        Kpis.RollRates roll = k.rollRates();
        List<String> buckets = roll.fromBuckets();
        for (int i = 1; i + 1 < buckets.size(); i++) {
            Map<String, BigDecimal> row = roll.rates().get(buckets.get(i));
            if (row != null && row.get(buckets.get(i + 1)) != null) {
                lines.add(line("I2", "rollRate", buckets.get(i) + "->" + buckets.get(i + 1), row.get(buckets.get(i + 1))));
            }
        }
        k.recoveryRates().forEach((band, r) -> lines.add(line("I3", "recoveryRate", band, r.rate())));
        k.recoveryByStrategy().forEach((strategy, bands) -> bands.forEach((band, r) ->
            lines.add(line("I3", "recoveryRate", strategy + " " + band, r.rate()))));
        Kpis.Operations ops = k.operations();
        lines.add(line("I4", "costPerCase", "month", ops.costPerCase()));
        lines.add(line("I4", "costPerUnitRecovered", "month", ops.costPerUnitRecovered()));
        lines.add(line("I4", "recovered", "month", ops.recovered()));
        lines.add(line("I5", "complaintRatePer1000Cases", "month", ops.complaintRatePer1000Cases()));
        lines.add(line("I6", "avgDaysToFirstAction", "month", ops.avgDaysToFirstAction()));
        lines.add(line("I6", "avgDaysToFirstEffectiveContact", "month", ops.avgDaysToFirstEffectiveContact()));
        lines.add(line("I6", "promiseKeptRate", "month", ops.promiseKeptRate()));
        lines.add(line("I6", "rightPartyContactRate", "month", ops.rightPartyContactRate()));
        for (Kpis.TargetStatus t : k.targets()) {
            lines.add(new Line("I7", t.kpi(), t.comparison(), plain(t.actual()), plain(t.target()), t.status()));
        }
        lines.add(count("run", "casesOpened", result.casesOpened()));
        lines.add(count("run", "tasksCompleted", result.tasksCompleted()));
        lines.add(count("run", "completionsRefusedByGuard", result.blockedByGuard()));
        lines.add(count("run", "attemptsOutsideWindow", result.offHoursAttempts()));
        lines.add(count("run", "jobsExecuted", result.jobsExecuted()));
        lines.add(count("run", "paymentsPosted", result.paymentsPosted()));
        lines.add(new Line("run", "paymentsAmount", "", plain(result.paymentsAmount()), "", ""));
        lines.add(count("run", "plansConfirmed", result.plansConfirmed()));
        lines.add(new Line("run", "wallSeconds", "", String.valueOf(result.elapsed().toSeconds()), "", ""));
        lines.add(new Line("run", "cpuSeconds", "", String.valueOf(result.cpu().toSeconds()), "", ""));
        return lines;
    }

    private static Line line(String section, String metric, String key, BigDecimal value) {
        return new Line(section, metric, key, plain(value), "", "");
    }

    private static Line count(String section, String metric, long value) {
        return new Line(section, metric, "", String.valueOf(value), "", "");
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
