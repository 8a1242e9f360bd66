package io.collectflow.simulation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The job executor of the simulation: runs every job due at the simulated time (asynchronous continuations
 * and timers) until none is left, each loan's jobs on one of the {@link LoanWorkers}. A failing job keeps the
 * engine's retry behaviour (retries decremented, next attempt after the retry cycle, an incident at the end);
 * failures are counted by message.
 */
final class DueJobs {

    private static final int PAGE = 500;
    private static final int MAX_ROUNDS = 1_000;

    private final ManagementService management;
    private final LoanWorkers workers;
    private final Map<String, Integer> failures = new TreeMap<>();
    private final AtomicLong executed = new AtomicLong();

    DueJobs(ManagementService management, LoanWorkers workers) {
        this.management = management;
        this.workers = workers;
    }

    void runDue() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, PAGE);
            if (due.isEmpty()) {
                return;
            }
            List<Job> failed = workers.run(due, Job::getRootProcessInstanceId, this::execute);
            if (failed.size() == due.size() && due.size() < PAGE) {
                // only failing jobs left that are still due (no retry cycle): the next time step retries them
                return;
            }
        }
    }

    private boolean execute(Job job) {
        try {
            management.executeJob(job.getId());
            executed.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            synchronized (failures) {
                failures.merge(Simulator.describe(e), 1, Integer::sum);
            }
            return false;
        }
    }

    long executed() {
        return executed.get();
    }

    Map<String, Integer> failures() {
        synchronized (failures) {
            return new TreeMap<>(failures);
        }
    }
}
