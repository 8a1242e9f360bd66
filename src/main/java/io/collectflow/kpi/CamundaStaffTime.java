package io.collectflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/** {@link StaffTime} from Camunda's HistoricTaskInstance durations (start to completion). */
public class CamundaStaffTime implements StaffTime {

    private static final int PAGE = 1000;
    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    private final HistoryService historyService;
    private final ZoneId zone;

    /** @param zone the zone whose days {@code from} and {@code to} are (the lender's) */
    public CamundaStaffTime(HistoryService historyService, ZoneId zone) {
        this.historyService = historyService;
        this.zone = zone;
    }

    @Override
    public Map<String, BigDecimal> hoursByAssignee(LocalDate from, LocalDate to) {
        Map<String, Long> millis = new HashMap<>();
        forEachTask(from, to, (assignee, task) ->
            millis.merge(assignee, task.getDurationInMillis() == null ? 0L : task.getDurationInMillis(), Long::sum));
        Map<String, BigDecimal> hours = new HashMap<>();
        millis.forEach((who, ms) -> hours.put(who, BigDecimal.valueOf(ms).divide(MILLIS_PER_HOUR, 4, RoundingMode.HALF_UP)));
        return hours;
    }

    @Override
    public Map<String, Long> tasksByAssignee(LocalDate from, LocalDate to) {
        Map<String, Long> count = new HashMap<>();
        forEachTask(from, to, (assignee, task) -> count.merge(assignee, 1L, Long::sum));
        return count;
    }

    private void forEachTask(LocalDate from, LocalDate to, BiConsumer<String, HistoricTaskInstance> action) {
        Date after = Date.from(from.atStartOfDay(zone).toInstant().minusMillis(1));
        Date before = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        for (int first = 0;; first += PAGE) {
            List<HistoricTaskInstance> page = historyService.createHistoricTaskInstanceQuery().finished()
                .taskDeleteReason("completed").finishedAfter(after).finishedBefore(before)
                .orderByHistoricTaskInstanceEndTime().asc().orderByTaskId().asc().listPage(first, PAGE);
            page.forEach(task -> action.accept(task.getAssignee() == null ? "" : task.getAssignee(), task));
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
