package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The simulated staff take the day's tasks as a collector sorts Tasklist by due date: the earliest first, a task
 * without a due date as if due 50 hours (the default points') after its creation, equal ones the oldest first.
 */
@SpringBootTest
@ActiveProfiles("test")
class SimulatedStaffQueueTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired TaskService tasks;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        created.forEach(id -> tasks.deleteTask(id, true));
        ClockUtil.reset();
    }

    @Test
    void theEarliestDueComesFirstAndATaskWithoutDueDateAtFiftyHours() {
        String lowScore = task(0, Duration.ofHours(90));     // due at 90 h
        String noDueDate = task(1, null);                    // counts as due at 1 + 50 h
        String urgent = task(2, Duration.ofHours(10));       // due at 12 h
        String sameAsNoDueDate = task(3, Duration.ofHours(48)); // due at 51 h, created later

        List<String> queue = SimulatedStaff.queue(tasks, Integer.MAX_VALUE).stream().map(Task::getId)
            .filter(created::contains).toList();

        assertThat(queue).containsExactly(urgent, noDueDate, sameAsNoDueDate, lowScore);
    }

    /** A standalone task created {@code hour} hours after the start, due {@code dueAfter} later (or without). */
    private String task(int hour, Duration dueAfter) {
        Instant at = START.plus(Duration.ofHours(hour));
        ClockUtil.setCurrentTime(Date.from(at));
        Task task = tasks.newTask();
        task.setName("queue test " + hour);
        if (dueAfter != null) {
            task.setDueDate(Date.from(at.plus(dueAfter)));
        }
        tasks.saveTask(task);
        created.add(task.getId());
        return task.getId();
    }
}
