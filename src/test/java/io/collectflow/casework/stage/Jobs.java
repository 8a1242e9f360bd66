package io.collectflow.casework.stage;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Tests run with the job executor off: this executes due asynchronous continuations by hand. */
public final class Jobs {

    private Jobs() {
    }

    /** Executes every due asynchronous continuation (not timers) until none is left. */
    public static void runAll(ManagementService managementService) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().messages().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("jobs keep coming: endless loop in the model?");
    }

    /** Executes the due jobs of one process instance until none is left (what the job executor would do). */
    public static void runAllOf(ManagementService managementService, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
