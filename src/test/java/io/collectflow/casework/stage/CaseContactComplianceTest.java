package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.compliance.BorrowerFlagService;

/**
 * The compliance guard on a collector's own call (F1, F2, F4): completing "Call borrower" outside
 * the borrower's contact window is refused with the next permitted moment and the task stays open;
 * inside it, the call attempt is written to the contact log; prohibited language in the notes is
 * refused naming the phrase. The task's compliance hint is worked out again when the task is claimed or
 * assigned, and the visit task's hint speaks of visiting. The borrower lives in Shanghai (UTC+8).
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseContactComplianceTest {

    /** Saturday evening in Shanghai: no collection calls at weekends. */
    private static final OffsetDateTime SATURDAY_EVENING = OffsetDateTime.parse("2026-11-28T20:00:00+08:00");
    /** An ordinary Tuesday morning. */
    private static final OffsetDateTime TUESDAY_MORNING = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcTemplate jdbc;
    @Autowired BorrowerFlagService flags;

    @BeforeEach
    void contactStub() {
        if (repositoryService.createDeploymentQuery().deploymentName("contact-attempt-stub").count() == 0) {
            repositoryService.createDeployment().name("contact-attempt-stub")
                .addClasspathResource("stubs/contact-attempt-stub.bpmn").deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCallAtTheWeekendIsRefusedWithTheNextPermittedMoment() {
        Task call = callTaskAt(SATURDAY_EVENING);
        assertThat(taskService.getVariableLocal(call.getId(), "complianceHint")).asString().contains("Mon 09:00");

        assertThatThrownBy(() -> taskService.complete(call.getId(), noAnswer("Tried the mobile number.")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("allowed again at Mon 09:00");
        assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).as("task stays open").isOne();
        assertThat(callsLogged(call)).isZero();
    }

    @Test
    void aCallInTheWindowIsLoggedAsAContactAttempt() {
        Task call = callTaskAt(TUESDAY_MORNING);

        taskService.complete(call.getId(), noAnswer("No answer, will try in the afternoon."));

        assertThat(callsLogged(call)).isOne();
    }

    @Test
    void prohibitedLanguageInTheNotesIsRefusedNamingThePhrase() {
        Task call = callTaskAt(TUESDAY_MORNING);

        assertThatThrownBy(() -> taskService.complete(call.getId(), noAnswer("Told him he is a deadbeat.")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("deadbeat");
        assertThat(callsLogged(call)).isZero();
    }

    @Test
    void theCallHintIsRefreshedWhenTheTaskIsClaimed() {
        Task call = callTaskAt(TUESDAY_MORNING);
        assertThat(hint(call)).contains("You may call until 21:00");

        // the borrower complains after the task was created: contact is blocked from now on
        flags.openComplaint("B-" + loanNo(call), "complaint-officer1", "complaint registered");
        taskService.claim(call.getId(), "collector1");

        assertThat(hint(call)).startsWith("Calling this borrower is not allowed").contains("COMPLAINT_OPEN")
            .doesNotContain("You may call");
    }

    @Test
    void theVisitHintSpeaksOfVisitingAndIsRefreshedOnAssignment() {
        Task visit = visitTaskAt(SATURDAY_EVENING);
        assertThat(hint(visit)).startsWith("Visiting is allowed again at Mon 09:00").doesNotContain("Calling");

        ClockUtil.setCurrentTime(Date.from(TUESDAY_MORNING.toInstant()));
        taskService.setAssignee(visit.getId(), "collector2");

        assertThat(hint(visit)).startsWith("You may visit until 21:00");
    }

    private Task callTaskAt(OffsetDateTime at) {
        return taskAt(at, 45, "DPD_30_59", Elements.CALL_BORROWER);
    }

    /** 100 days past due: second line visits (expanded plan). */
    private Task visitTaskAt(OffsetDateTime at) {
        return taskAt(at, 100, "DPD_90_179", Elements.VISIT_BORROWER);
    }

    private Task taskAt(OffsetDateTime at, int dpd, String bucket, String taskKey) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
        LocalDate today = at.toLocalDate();
        String loanNo = new CaseFixtures(jdbc).loan(dpd, today);
        runtimeService.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo, Map.of(Vars.LOAN_NO, loanNo,
            Vars.DPD, dpd, Vars.BUCKET, bucket, Vars.OVERDUE_AMOUNT, 1050.0));
        Jobs.runAll(managementService);
        return taskService.createTaskQuery().processInstanceBusinessKey(loanNo).taskDefinitionKey(taskKey)
            .singleResult();
    }

    private String hint(Task task) {
        return (String) taskService.getVariableLocal(task.getId(), "complianceHint");
    }

    private String loanNo(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult().getBusinessKey();
    }

    private long callsLogged(Task call) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE loan_no = ? AND channel = 'call'", Long.class,
            loanNo(call));
    }

    private static Map<String, Object> noAnswer(String notes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, false);
        vars.put(Vars.CALL_OUTCOME, "NO_ANSWER");
        vars.put(Vars.CALL_NOTES, notes);
        return vars;
    }
}
