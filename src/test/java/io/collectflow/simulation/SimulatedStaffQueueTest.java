package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The simulated staff take the day's tasks as a collector sorts Tasklist: by priority, then the oldest first. */
@SpringBootTest
@ActiveProfiles("test")
class SimulatedStaffQueueTest {

    @Autowired TaskService tasks;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeTasks() {
        created.forEach(id -> tasks.deleteTask(id, true));
        ClockUtil.reset();
    }

    @Test
    void theMostUrgentTaskComesFirstAndEqualOnesOldestFirst() {
        String oldLow = task(20, 0);
        String newHigh = task(90, 1);
        String oldMiddle = task(50, 2);
        String newMiddle = task(50, 3);

        List<String> queue = SimulatedStaff.queue(tasks, Integer.MAX_VALUE).stream().map(Task::getId)
            .filter(created::contains).toList();

        assertThat(queue).containsExactly(newHigh, oldMiddle, newMiddle, oldLow);
    }

    /** A standalone task of {@code priority}, created {@code minute} minutes after the first one. */
    private String task(int priority, int minute) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-01-05T09:00:00Z").plusSeconds(60L * minute)));
        Task task = tasks.newTask();
        task.setName("queue test " + priority);
        task.setPriority(priority);
        tasks.saveTask(task);
        created.add(task.getId());
        return task.getId();
    }
}
