package io.collectflow.kpi;

import java.time.LocalDate;
import java.util.Map;

/** Staff time on completed user tasks per assignee, in hours (from the engine's task history). */
public interface StaffTime {

    /** assignee → hours of the tasks completed from {@code from} to {@code to} (inclusive); "" = unassigned */
    Map<String, java.math.BigDecimal> hoursByAssignee(LocalDate from, LocalDate to);

    /** assignee → number of tasks completed in the period */
    Map<String, Long> tasksByAssignee(LocalDate from, LocalDate to);
}
