package io.collectflow.kpi;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A calendar month, quarter or year containing a date (SPEC I8). */
public record ReportPeriod(String kind, LocalDate start, LocalDate end) {

    public static ReportPeriod of(String kind, LocalDate date) {
        return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "month" -> new ReportPeriod("month", date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()));
            case "quarter" -> {
                LocalDate start = date.withMonth((date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
                yield new ReportPeriod("quarter", start, start.plusMonths(3).minusDays(1));
            }
            case "year" -> new ReportPeriod("year", date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear()));
            default -> throw new IllegalArgumentException("period must be month, quarter or year, not '" + kind + "'");
        };
    }

    /** e.g. 2026-03, 2026-Q1, 2026 */
    public String label() {
        return switch (kind) {
            case "month" -> start.toString().substring(0, 7);
            case "quarter" -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            default -> String.valueOf(start.getYear());
        };
    }

    /** The last day of each month in the period (the report's trend points). */
    public List<LocalDate> monthEnds() {
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            ends.add(m.withDayOfMonth(m.lengthOfMonth()));
        }
        return ends;
    }
}
