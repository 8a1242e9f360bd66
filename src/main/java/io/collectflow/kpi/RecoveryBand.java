package io.collectflow.kpi;

/**
 * Recovery windows counted from the day a collection case opened (a case opens at DPD 1, so case
 * age is the DPD while nothing is paid): the plan's "within 90 days", "90–180 days" and "180+".
 */
public enum RecoveryBand {
    WITHIN_90(0, 90), DAYS_90_179(90, 180), DAYS_180_PLUS(180, Integer.MAX_VALUE);

    private final int fromDay;
    private final int toDay;

    RecoveryBand(int fromDay, int toDay) {
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    public int fromDay() {
        return fromDay;
    }

    public int toDay() {
        return toDay;
    }
}
