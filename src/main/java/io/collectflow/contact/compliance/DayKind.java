package io.collectflow.contact.compliance;

/** What a date is in a region's calendar. */
public enum DayKind {
    WORKDAY(true), MAKEUP_WORKDAY(true), WEEKEND(false), HOLIDAY(false);

    private final boolean workday;

    DayKind(boolean workday) {
        this.workday = workday;
    }

    public boolean isWorkday() {
        return workday;
    }
}
