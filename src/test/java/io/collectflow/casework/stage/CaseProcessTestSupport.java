package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.loan.LenderProperties;
import io.collectflow.contact.process.ManualContactComplianceListener;

/**
 * The process tests of the collection case and its stages: the real application (delegates,
 * services, H2 with Flyway) with the job executor off, so each test drives jobs and timers itself;
 * flow-node coverage is reported under target/process-test-coverage.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class CaseProcessTestSupport {

    /**
     * These tests are about the flow; the compliance guard on the collectors' contacts (whose
     * verdict depends on the real time of day) is tested in {@link CaseContactComplianceTest}.
     */
    @MockitoBean
    ManualContactComplianceListener manualContactCompliance;

    private static final String CONTACT_STUB = "stubs/contact-attempt-stub.bpmn";

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;
    @Autowired protected RepositoryService repositoryService;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected LenderProperties lender;

    protected CaseFixtures fixtures;

    @BeforeEach
    void initEngineAndStub() {
        AbstractAssertions.init(engine);
        fixtures = new CaseFixtures(jdbc);
        ClockUtil.reset();
        // the real contact-attempt model belongs to the contact feature; the case only needs its contract
        if (repositoryService.createDeploymentQuery().deploymentName("contact-attempt-stub").count() == 0) {
            repositoryService.createDeployment().name("contact-attempt-stub").addClasspathResource(CONTACT_STUB).deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }

    /** The lender's date at the engine's now ({@code collectflow.lender.zone}): the lender's own acts' date. */
    protected LocalDate lendersToday() {
        return lender.dateAt(ClockUtil.getCurrentTime().toInstant());
    }

    /** Starts a case the way the case lifecycle does and runs it to its first wait states. */
    protected ProcessInstance startCase(String loanNo, int dpd, Map<String, Object> extra) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.LOAN_NO, loanNo);
        vars.put(Vars.DPD, dpd);
        vars.put(Vars.BUCKET, bucket(dpd));
        vars.put(Vars.OVERDUE_AMOUNT, 1050.0);
        vars.putAll(extra);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo, vars);
        runJobs();
        return pi;
    }

    protected ProcessInstance startCase(String loanNo, int dpd) {
        return startCase(loanNo, dpd, Map.of());
    }

    /** What the daily scan does when the bucket changes. */
    protected void delinquencyChanged(String loanNo, int dpd) {
        runtimeService.createMessageCorrelation(CollectionCase.Messages.DELINQUENCY_CHANGED)
            .processInstanceBusinessKey(loanNo)
            .setVariable(Vars.DPD, dpd)
            .setVariable(Vars.BUCKET, bucket(dpd))
            .setVariable(Vars.OVERDUE_AMOUNT, 1050.0 * (1 + dpd / 30))
            .correlate();
        runJobs();
    }

    protected void arrearsCleared(String loanNo) {
        runtimeService.createMessageCorrelation(CollectionCase.Messages.ARREARS_CLEARED)
            .processInstanceBusinessKey(loanNo).correlate();
        runJobs();
    }

    /** Executes every due asynchronous continuation (not timers) until none is left. */
    protected void runJobs() {
        Jobs.runAll(managementService);
    }

    /** Fires the timer waiting at {@code activityId} (whatever its due date) and runs what follows. */
    protected void fireTimer(ProcessInstance pi, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
            .singleResult();
        assertThat(timer).as("timer at " + activityId).isNotNull();
        managementService.executeJob(timer.getId());
        runJobs();
    }

    protected List<Task> openTasks(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list();
    }

    protected Task singleTask(ProcessInstance pi, String taskDefinitionKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
            .taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open " + taskDefinitionKey + " tasks").hasSize(1);
        return tasks.get(0);
    }

    protected void complete(Task task, Map<String, Object> variables) {
        taskService.complete(task.getId(), variables);
        runJobs();
    }

    /** Completes the task as {@code user} would in Tasklist: claimed first (the task then records who completed it). */
    protected void completeAs(String user, Task task, Map<String, Object> variables) {
        taskService.setAssignee(task.getId(), user);
        complete(task, variables);
    }

    protected Object variable(ProcessInstance pi, String name) {
        return runtimeService.getVariable(pi.getId(), name);
    }

    protected static String bucket(int dpd) {
        if (dpd >= 360) {
            return "DPD_360_PLUS";
        }
        if (dpd >= 180) {
            return "DPD_180_359";
        }
        if (dpd >= 90) {
            return "DPD_90_179";
        }
        if (dpd >= 60) {
            return "DPD_60_89";
        }
        return dpd >= 30 ? "DPD_30_59" : "DPD_1_29";
    }
}
