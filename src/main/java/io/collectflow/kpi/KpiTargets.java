package io.collectflow.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan's goals (SPEC I7, {@code collectflow.kpi.targets}) against a day's figures: an overdue
 * rate (by count) is MET when below its maximum, a recovery rate when above its minimum; a band
 * without cases yet is NO_DATA.
 */
public class KpiTargets {

    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
    public static final String NO_DATA = "NO_DATA";

    private final KpiProperties.Targets targets;

    public KpiTargets(KpiProperties.Targets targets) {
        this.targets = targets;
    }

    public List<Kpis.TargetStatus> evaluate(Map<String, Kpis.OverdueRate> overdue, Map<String, Kpis.BandRecovery> recovery) {
        List<Kpis.TargetStatus> result = new ArrayList<>();
        new TreeMap<>(targets.overdueMax()).entrySet().stream()
            .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())))
            .forEach(e -> {
                Kpis.OverdueRate rate = overdue.get(e.getKey());
                BigDecimal actual = rate == null ? null : rate.byCount();
                result.add(new Kpis.TargetStatus("overdueRate" + e.getKey(), "<", e.getValue(), actual,
                    actual == null ? NO_DATA : actual.compareTo(e.getValue()) < 0 ? MET : MISSED));
            });
        for (RecoveryBand band : RecoveryBand.values()) {
            BigDecimal min = targets.recoveryMin().get(band.name());
            if (min == null) {
                continue;
            }
            Kpis.BandRecovery rate = recovery.get(band.name());
            boolean noData = rate == null || rate.overdueAtStart().signum() == 0;
            result.add(new Kpis.TargetStatus("recovery" + band.name(), ">", min, noData ? null : rate.rate(),
                noData ? NO_DATA : rate.rate().compareTo(min) > 0 ? MET : MISSED));
        }
        return result;
    }
}
