package io.collectflow.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import io.collectflow.casework.priority.WorkPriority;

/**
 * The staff's working day: open tasks (earliest due first, then the oldest, up to the day's capacity) are
 * spread over the hours 07:00–22:00; most are worked inside the contact window, a share is attempted outside it,
 * where the compliance guard refuses the completion and the collector tries again inside the window. A task
 * the guard blocks for the day (caps, rest days) waits for tomorrow. Between the hours the engine's due jobs
 * run, so timers and reminders happen in time order. The day is worked by the {@link LoanWorkers}: each goes
 * through the hours with its own loans' tasks (in the order of the queue, each at its own minute of the hour) and
 * jobs, at its own pace.
 */
final class SimulatedStaff {

    static final int FIRST_HOUR = 7;
    static final int LAST_HOUR = 22;
    private static final int WINDOW_START = 9;
    private static final int WINDOW_LAST_HOUR = 20;

    private final TaskService tasks;
    private final StaffBehaviour behaviour;
    private final SimulatedClock clock;
    private final DueJobs jobs;
    private final Dice dice;
    private final SimulationSettings settings;
    private final LoanWorkers workers;
    private final Map<String, Integer> unhandled = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong offHoursAttempts = new AtomicLong();

    SimulatedStaff(TaskService tasks, StaffBehaviour behaviour, SimulatedClock clock, DueJobs jobs, Dice dice,
                   SimulationSettings settings, LoanWorkers workers) {
        this.tasks = tasks;
        this.behaviour = behaviour;
        this.clock = clock;
        this.jobs = jobs;
        this.dice = dice;
        this.settings = settings;
        this.workers = workers;
    }

    void workDay(LocalDate day) {
        List<Task> all = tasks.createTaskQuery().active().list();
        Map<String, String> occasions = occasions(all);
        List<Task> open = queue(all, settings.capacity(), occasions);
        workers.runShares(open, Task::getProcessInstanceId, (worker, share) -> workHours(day, worker, share, occasions));
    }

    /**
     * One worker's day: its loans' tasks spread over the hours, and before each hour's tasks its loans' jobs due by
     * then. The worker keeps its own time and goes through the hours without waiting for the others.
     */
    private void workHours(LocalDate day, int worker, List<Task> share, Map<String, String> occasions) {
        List<List<Task>> byHour = new ArrayList<>();
        for (int h = 0; h <= LAST_HOUR; h++) {
            byHour.add(new ArrayList<>());
        }
        for (Task task : share) {
            byHour.get(hourFor(occasions.get(task.getId()), day)).add(task);
        }
        try {
            for (int hour = FIRST_HOUR; hour <= LAST_HOUR; hour++) {
                clock.setForThisThread(day, hour, 5);
                jobs.runDueOf(worker);
                List<Task> refused = new ArrayList<>();
                for (Task task : byHour.get(hour)) {
                    clock.setForThisThread(day, hour, 5 + dice.between(0, 50, occasions.get(task.getId()), day, hour, "minute"));
                    if (!attempt(task, day)) {
                        refused.add(task);
                    }
                }
                if (hour < WINDOW_START) {
                    // refused before the window opens: the collector tries again at the start of the window
                    byHour.get(WINDOW_START).addAll(refused);
                }
            }
        } finally {
            clock.clearThisThread();
        }
    }

    /**
     * The day's work as a collector sorts the Tasklist queue: earliest due date first (processes/work-priority.dmn
     * sets it from the task's points; a task without one counts as due {@link WorkPriority#dueAfter} the default
     * points after its creation), then the oldest; at most {@code capacity} tasks.
     */
    static List<Task> queue(TaskService tasks, int capacity) {
        return queue(tasks.createTaskQuery().active().list(), capacity, Map.of());
    }

    /**
     * {@link #queue(TaskService, int)} of {@code open}, equal ones in the order of their {@code occasions} (loan and
     * kind of task), not of the engine's ids: tasks created in the same moment for two loans worked on two threads
     * get their ids in either order.
     */
    static List<Task> queue(List<Task> open, int capacity, Map<String, String> occasions) {
        return open.stream()
            .sorted(Comparator.comparing(SimulatedStaff::due).thenComparing(Task::getCreateTime)
                .thenComparing(task -> occasions.getOrDefault(task.getId(), ""))
                .thenComparing(Task::getId))
            .limit(capacity).toList();
    }

    private static Date due(Task task) {
        return task.getDueDate() != null ? task.getDueDate()
            : WorkPriority.dueDate(task.getCreateTime(), WorkPriority.DEFAULT);
    }

    /**
     * What the dice of a task's timing are keyed on: the loan (its root process's business key) and the kind of task, not
     * the engine's task id. Ids follow the order of work, so two strategies that work in another order would
     * otherwise meet other draws; so both arms of a comparison time the same loan's same call alike (common random
     * numbers, as the borrowers' dice).
     */
    private Map<String, String> occasions(List<Task> open) {
        Map<String, String> loans = workers.loansOf(open.stream().map(Task::getProcessInstanceId)
            .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, String> occasions = new HashMap<>();
        for (Task task : open) {
            String owner = loans.get(task.getProcessInstanceId());
            occasions.put(task.getId(), (owner != null ? owner : task.getId()) + "/" + task.getTaskDefinitionKey());
        }
        return occasions;
    }

    private int hourFor(String occasion, LocalDate day) {
        if (dice.chance(settings.offHoursShare(), occasion, day, "off-hours")) {
            offHoursAttempts.incrementAndGet();
            return dice.chance(0.5, occasion, day, "early") ? FIRST_HOUR : LAST_HOUR - 1 + dice.between(0, 1, occasion, day);
        }
        return dice.between(WINDOW_START, WINDOW_LAST_HOUR, occasion, day, "hour");
    }

    /** Works one task; false when the compliance guard refused it. */
    private boolean attempt(Task task, LocalDate day) {
        String key = task.getTaskDefinitionKey();
        if (!behaviour.handles(key)) {
            count(unhandled, key);
            return true;
        }
        Map<String, Object> vars;
        try {
            vars = tasks.getVariables(task.getId());
        } catch (NullValueException gone) {
            // an earlier completion today ended it (e.g. the case moved to another stage): nothing left to work
            return true;
        }
        TaskOutcome outcome = behaviour.work(behaviour.work(task, vars, day));
        if (!outcome.worked()) {
            return true;
        }
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), staffFor(task));
            }
            tasks.complete(task.getId(), outcome.variables());
            completed.incrementAndGet();
            outcome.afterComplete().run();
            return true;
        } catch (ProcessEngineException e) {
            String message = Simulator.firstLine(e);
            if (message.contains("allowed again") || message.contains("is not allowed")) {
                blocked.incrementAndGet();
                return false;
            }
            count(errors, key + ": " + Simulator.describe(e));
            return true;
        }
    }

    private static void count(Map<String, Integer> counts, String what) {
        synchronized (counts) {
            counts.merge(what, 1, Integer::sum);
        }
    }

    /** A candidate user the engine offered (write-off approvers), else a simulated member of the candidate group. */
    private String staffFor(Task task) {
        List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
        List<String> users = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getUserId).filter(u -> u != null).sorted().toList();
        if (!users.isEmpty()) {
            return users.get("Task_SecondApproval".equals(task.getTaskDefinitionKey()) && users.size() > 1 ? 1 : 0);
        }
        String group = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse("staff");
        return SimulationStaffUsers.userId(group, 1);
    }

    long completed() {
        return completed.get();
    }

    long blocked() {
        return blocked.get();
    }

    long offHoursAttempts() {
        return offHoursAttempts.get();
    }

    Map<String, Integer> unhandled() {
        return unhandled;
    }

    Map<String, Integer> errors() {
        return errors;
    }
}
