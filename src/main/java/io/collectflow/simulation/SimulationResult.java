package io.collectflow.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.collectflow.kpi.Kpis;

/**
 * What one strategy achieved on the portfolio: the daily series, the KPI document of the last day (computed
 * by the KPI package from the ledger), and the run's counters; {@code elapsed} is wall time, {@code cpu} the
 * simulating thread's CPU time (the better figure on a busy machine).
 */
public record SimulationResult(String strategy, SimulationSettings settings, List<DayPoint> days, Kpis kpis,
        long casesOpened, long tasksCompleted, long blockedByGuard, long offHoursAttempts, long jobsExecuted,
        long paymentsPosted, BigDecimal paymentsAmount, long plansConfirmed, Map<String, Integer> jobFailures,
        Map<String, Integer> taskErrors, Map<String, Integer> unhandledTasks, Duration elapsed, Duration cpu) {
}
