package io.collectflow.bench;

import static io.collectflow.bench.BenchSupport.fmt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.casework.CollectionCase;

/**
 * Due timers drained by the job executor (not a test), with the job-executor settings of application.yaml:
 * {@code -Dtimers} collection cases wait at {@code Timer_NextContact} (put there by process instance modification
 * with the variables of a real case); when the engine clock passes their due date, each timer job leads the case
 * back to the collector: the {@code Task_CallBorrower} task is created and its create listener asks the
 * compliance guard for the call hint (our real delegates, on the database). The baseline in the same run is as
 * many trivial timers (start → timer → user task, no listener). Counts double executions: a case that got
 * {@code Task_CallBorrower} more than once, a baseline instance whose task was created more than once.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=timers [-Dtimers=100000] [-Ddb=postgres|h2]}
 */
public final class TimerDrainBenchmark {

    private static final String[] METRICS = {Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
        Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
        Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE};

    private TimerDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int timers = Integer.getInteger("timers", 100_000);
        BenchSupport.header(fmt("Due timers drained by the job executor: %,d per kind", timers));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"database", "timers", "kind", "drained in", "jobs/s", "ratio", "double executions",
            "failed jobs", "load avg (1/5/15)"});
        for (String kind : BenchSupport.databases("postgres")) {
            try (BenchSupport.Db db = BenchSupport.open(kind);
                 ConfigurableApplicationContext app = BenchSupport.start(db, true)) {
                measure(app, db.name(), timers, rows);
            } finally {
                ClockUtil.reset();
            }
        }
        BenchSupport.table(rows);
        System.exit(0);
    }

    private static void measure(ConfigurableApplicationContext app, String dbName, int timers, List<String[]> rows)
            throws Exception {
        BenchBook book = new BenchBook(app);
        book.deployBaselines();
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
            .getProcessEngineConfiguration();
        JobExecutor executor = config.getJobExecutor();
        System.out.printf("job executor: %s, %d jobs per acquisition, wait %d ms (max %d ms), backoff %d ms (max %d ms), lock %d ms%n",
            executor.getClass().getSimpleName(), executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(),
            executor.getMaxWait(), executor.getBackoffTimeInMillis(), executor.getMaxBackoff(),
            executor.getLockTimeInMillis());

        List<String> loans = book.loans("T", timers + 1);
        Map<String, Object> template = book.realCaseVariables(loans.get(0), true);
        long now = System.currentTimeMillis();
        Date baselineDue = new Date(now + Duration.ofDays(1).toMillis());
        Date caseDue = new Date(now + Duration.ofDays(3).toMillis());
        List<String> keys = IntStream.range(0, timers).mapToObj(i -> "M" + i).toList();
        RuntimeService runtime = app.getBean(RuntimeService.class);
        double setupBase = book.inBatches(keys, 2, key -> runtime.startProcessInstanceByKey(BenchBook.MINIMAL_TIMER, key,
            Map.of("dueAt", baselineDue, CollectionCase.Vars.LOAN_NO, key)));
        double setupCases = book.openAt(CollectionCase.Elements.NEXT_CONTACT, loans.subList(1, loans.size()),
            BenchBook.like(template, Map.of(CollectionCase.Vars.NEXT_CONTACT_AT, caseDue)), 2);
        System.out.printf("set-up: %,d baseline timers in %.0f s, %,d case timers in %.0f s (load %s)%n",
            timers, setupBase, timers, setupCases, BenchSupport.load());

        ManagementService management = app.getBean(ManagementService.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long[] before = metrics(management);
        double base = drain(management, executor, Duration.ofDays(2), BenchBook.MINIMAL_TIMER);
        long baseDoubles = doubles(jdbc, BenchBook.MINIMAL_TIMER, "Task_Work");
        String baseLoad = BenchSupport.load();
        long[] middle = metrics(management);
        double ours = drain(management, executor, Duration.ofDays(4), CollectionCase.PROCESS_KEY);
        long caseDoubles = doubles(jdbc, CollectionCase.PROCESS_KEY, CollectionCase.Elements.CALL_BORROWER);
        long[] after = metrics(management);

        TaskService tasks = app.getBean(TaskService.class);
        long baseTasks = tasks.createTaskQuery().processDefinitionKey(BenchBook.MINIMAL_TIMER).count();
        long caseTasks = tasks.createTaskQuery().processDefinitionKey(CollectionCase.PROCESS_KEY)
            .taskDefinitionKey(CollectionCase.Elements.CALL_BORROWER).count() - 1;
        long baseFailed = management.createJobQuery().processDefinitionKey(BenchBook.MINIMAL_TIMER).withException().count();
        long caseFailed = management.createJobQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).withException().count();
        rows.add(new String[] {dbName, fmt("%,d", timers), "trivial timer (baseline)", fmt("%.1f s", base),
            fmt("%.0f", timers / base), "1.00", String.valueOf(baseDoubles), String.valueOf(baseFailed), baseLoad});
        rows.add(new String[] {dbName, fmt("%,d", timers), "case: Timer_NextContact -> Call borrower + guard",
            fmt("%.1f s", ours), fmt("%.0f", timers / ours), fmt("%.2f", base / ours), String.valueOf(caseDoubles),
            String.valueOf(caseFailed), BenchSupport.load()});
        System.out.printf("%s: tasks created: baseline %,d of %,d, cases %,d of %,d%n", dbName, baseTasks, timers,
            caseTasks, timers);
        for (int i = 0; i < METRICS.length; i++) {
            System.out.printf("  metric %-24s baseline %,10d   cases %,10d%n", METRICS[i], middle[i] - before[i],
                after[i] - middle[i]);
        }
    }

    /** Moves the engine clock by {@code offset}, wakes the acquisition and waits until no job of the process is left. */
    private static double drain(ManagementService management, JobExecutor executor, Duration offset, String processKey)
            throws InterruptedException {
        ClockUtil.offset(offset.toMillis());
        long start = System.nanoTime();
        executor.jobWasAdded();
        while (management.createJobQuery().processDefinitionKey(processKey).noRetriesLeft().count()
                < management.createJobQuery().processDefinitionKey(processKey).count()) {
            Thread.sleep(100);
        }
        return BenchSupport.seconds(start);
    }

    /** Process instances of the key in which the task was created more than once (a job that ran twice). */
    private static long doubles(JdbcTemplate jdbc, String processKey, String taskId) {
        return jdbc.queryForObject("""
            SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST
                                   WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = ?
                                   GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) d""", Long.class, processKey, taskId);
    }

    private static long[] metrics(ManagementService management) {
        management.reportDbMetricsNow();
        long[] values = new long[METRICS.length];
        for (int i = 0; i < METRICS.length; i++) {
            values[i] = management.createMetricsQuery().name(METRICS[i]).sum();
        }
        return values;
    }
}
