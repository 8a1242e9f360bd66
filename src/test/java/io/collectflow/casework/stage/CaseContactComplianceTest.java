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

/**
 * The compliance guard on a collector's own call (F1, F2, F4): completing "Call borrower" outside
 * the borrower's contact window is refused with the next permitted moment and the task stays open;
 * inside it, the call attempt is written to the contact log; prohibited language in the notes is
 * refused naming the phrase. The borrower lives in Shanghai (UTC+8).
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

    private Task callTaskAt(OffsetDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
        LocalDate today = at.toLocalDate();
        String loanNo = new CaseFixtures(jdbc).loan(45, today);
        runtimeService.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo, Map.of(Vars.LOAN_NO, loanNo,
            Vars.DPD, 45, Vars.BUCKET, "DPD_30_59", Vars.OVERDUE_AMOUNT, 1050.0));
        Jobs.runAll(managementService);
        return taskService.createTaskQuery().processInstanceBusinessKey(loanNo)
            .taskDefinitionKey(Elements.CALL_BORROWER).singleResult();
    }

    private long callsLogged(Task call) {
        String loanNo = runtimeService.createProcessInstanceQuery().processInstanceId(call.getProcessInstanceId())
            .singleResult().getBusinessKey();
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE loan_no = ? AND channel = 'call'", Long.class,
            loanNo);
    }

    private static Map<String, Object> noAnswer(String notes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, false);
        vars.put(Vars.CALL_OUTCOME, "NO_ANSWER");
        vars.put(Vars.CALL_NOTES, notes);
        return vars;
    }
}
