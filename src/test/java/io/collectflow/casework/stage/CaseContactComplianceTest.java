package io.collectflow.casework.stage;

import static io.collectflow.casework.stage.ReportValues.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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
    /** A Thursday morning: a task created then is due (50 points) on Saturday at noon. */
    private static final OffsetDateTime THURSDAY_MORNING = OffsetDateTime.parse("2026-11-26T10:00:00+08:00");
    /** When calling is allowed again after Friday's window, the weekend and Saturday. */
    private static final OffsetDateTime MONDAY_NINE = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");

    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
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
        // due (50 points) on Monday at 22:00, after Monday 09:00 anyway: it stays
        assertThat(dueDate(call)).isEqualTo(SATURDAY_EVENING.plusHours(50));
    }

    @Test
    void aRefusedCompletionMovesTheDueDateToWhenCallingIsAllowedAgain() {
        Task call = callTaskAt(THURSDAY_MORNING);
        assertThat(dueDate(call)).isEqualTo(OffsetDateTime.parse("2026-11-28T12:00:00+08:00"));

        // Friday 21:30: the window has closed; Saturday and Sunday are no workdays
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-27T21:30:00+08:00").toInstant()));
        assertThatThrownBy(() -> taskService.complete(call.getId(), noAnswer("Tried after work.")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("allowed again at Mon 09:00");

        // the refusal is rolled back, the new due date stays: the queue shows the call when it can be made
        assertThat(dueDate(call)).isEqualTo(MONDAY_NINE);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(call.getId()).singleResult().getDueDate())
            .isEqualTo(Date.from(MONDAY_NINE.toInstant()));
        assertThat(taskService.getVariable(call.getId(), Vars.CALL_OUTCOME)).as("the form's values are not kept").isNull();
        assertThat(callsLogged(call)).isZero();
    }

    @Test
    void aVisitRefusedAfterTheWindowIsDueWhenVisitingIsAllowedAgain() {
        Task visit = visitTaskAt(THURSDAY_MORNING);

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-27T21:30:00+08:00").toInstant()));
        assertThatThrownBy(() -> taskService.complete(visit.getId(), visitNotMet("Nobody at home.", null)))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Visiting is allowed again at Mon 09:00");

        assertThat(dueDate(visit)).isEqualTo(MONDAY_NINE);
    }

    @Test
    void claimingACallWhileCallingIsBlockedMovesItsDueDate() {
        Task call = callTaskAt(THURSDAY_MORNING);

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-28T10:00:00+08:00").toInstant()));
        taskService.claim(call.getId(), "collector1");

        assertThat(hint(call)).contains("Mon 09:00");
        assertThat(dueDate(call)).isEqualTo(MONDAY_NINE);
    }

    @Test
    void aBlockOnlyAPersonCanLiftLeavesTheDueDate() {
        Task call = callTaskAt(TUESDAY_MORNING);
        OffsetDateTime due = dueDate(call);
        flags.openComplaint("B-" + loanNo(call), "complaint-officer1", "complaint registered");

        ClockUtil.setCurrentTime(Date.from(TUESDAY_MORNING.plusDays(3).toInstant()));
        taskService.claim(call.getId(), "collector1");
        assertThatThrownBy(() -> taskService.complete(call.getId(), noAnswer("Tried the mobile number.")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("not allowed");

        assertThat(dueDate(call)).isEqualTo(due);
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

    private OffsetDateTime dueDate(Task task) {
        Date due = taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
        return due.toInstant().atOffset(SATURDAY_EVENING.getOffset());
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
}
