package io.collectflow.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The order jobs were created in: the simulation's engine ids are numbers from one sequence, which Camunda's
     * default order (by id as text) would put "1000" before "999".
     */
    private static final Comparator<Job> CREATED_FIRST =
        Comparator.comparingInt((Job job) -> job.getId().length()).thenComparing(Job::getId);
    private static final int MAX_ROUNDS = 1_000;

    private final ManagementService management;
    private final LoanWorkers workers;
    private final Map<String, Integer> failures = new TreeMap<>();
    private final AtomicLong executed = new AtomicLong();

    DueJobs(ManagementService management, LoanWorkers workers) {
        this.management = management;
        this.workers = workers;
    }

    /** Runs the jobs due at the engine's shared time, every worker its loans' jobs. */
    void runDue() {
        workers.onEvery(this::runDueOf);
    }

    /**
     * Runs the jobs of {@code worker}'s loans that are due at the calling thread's time, oldest first, until none is
     * left. A job that fails is not tried again in this call: its retry cycle tells when it is due again. So a loan's
     * jobs run the same whatever the other loans' jobs do, and a worker never waits for another.
     */
    void runDueOf(int worker) {
        Set<String> failed = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = new ArrayList<>(workers.mine(worker, management.createJobQuery().executable().list(),
                Job::getRootProcessInstanceId));
            due.removeIf(job -> failed.contains(job.getId()));
            if (due.isEmpty()) {
                return;
            }
            due.sort(CREATED_FIRST);
            for (Job job : due) {
                if (!execute(job)) {
                    failed.add(job.getId());
                }
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
