package io.collectflow.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The job executor of the simulation: runs every job due at the simulated time (asynchronous continuations
 * and timers) until none is left. A failing job keeps the engine's retry behaviour (retries decremented, next
 * attempt after the retry cycle, an incident at the end); failures are counted by message.
 */
final class DueJobs {

    private static final int PAGE = 500;
    private static final int MAX_ROUNDS = 1_000;

    private final ManagementService management;
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private long executed;

    DueJobs(ManagementService management) {
        this.management = management;
    }

    void runDue() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, PAGE);
            if (due.isEmpty()) {
                return;
            }
            int progressed = 0;
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    executed++;
                    progressed++;
                } catch (RuntimeException e) {
                    failures.merge(Simulator.describe(e), 1, Integer::sum);
                }
            }
            if (progressed == 0 && due.size() < PAGE) {
                // only failing jobs left that are still due (no retry cycle): the next time step retries them
                return;
            }
        }
    }

    long executed() {
        return executed;
    }

    Map<String, Integer> failures() {
        return failures;
    }
}
