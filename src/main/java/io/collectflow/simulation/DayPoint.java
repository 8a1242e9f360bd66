package io.collectflow.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One simulated day at its end: the book (active loans, loans ≥ 1/30/60/90 days past due, as the scan left
 * them), the cases, the day's work (tasks completed, contacts logged, completions the guard refused,
 * payments received) and the queue it left (open tasks, and those past their due date: does the staff keep up?).
 */
public record DayPoint(LocalDate day, long activeLoans, long overdue1, long overdue30, long overdue60, long overdue90,
        long openCases, long casesOpened, long casesCured, long tasksCompleted, long contacts, long blockedByGuard,
        BigDecimal paid, long openTasks, long tasksPastDue) {

    /** Share of active loans at least {@code n} days past due (n = 1, 30, 60, 90). */
    public double rate(int n) {
        long count = switch (n) {
            case 1 -> overdue1;
            case 30 -> overdue30;
            case 60 -> overdue60;
            case 90 -> overdue90;
            default -> throw new IllegalArgumentException("no overdue series for " + n);
        };
        return activeLoans == 0 ? 0 : (double) count / activeLoans;
    }
}
