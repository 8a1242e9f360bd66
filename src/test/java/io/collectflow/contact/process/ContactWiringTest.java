package io.collectflow.contact.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.contact.ContactTestData;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.contact.log.ContactLogEntry;

/**
 * How other processes use this feature: contact-attempt as a call activity (in loanNo/channel/purpose, out
 * contactOutcome) and the call-task listeners that show the verdict and refuse forbidden calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContactWiringTest {

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired ContactLog contactLog;

    @BeforeEach
    void deploy() {
        init(engine);
        if (repository.createProcessDefinitionQuery().processDefinitionKey("test-contact-wiring").count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess("test-contact-wiring")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_Reminder").calledElement(ContactAttempt.PROCESS_KEY)
                    .camundaIn(ContactAttempt.Vars.LOAN_NO, ContactAttempt.Vars.LOAN_NO)
                    .camundaIn("reminderChannel", ContactAttempt.Vars.CHANNEL)
                    .camundaIn("reminderPurpose", ContactAttempt.Vars.PURPOSE)
                    .camundaOut(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.Vars.CONTACT_OUTCOME)
                .userTask("Task_CallBorrower").camundaFormRef("record-contact").camundaFormRefBinding("deployment")
                    .camundaTaskListenerDelegateExpression("create", "${contactWindowHintListener}")
                    .camundaTaskListenerDelegateExpression("complete", "${manualContactComplianceListener}")
                .endEvent()
                .done();
            // with its form, as any deployment must (ModelCheckDeployer)
            repository.createDeployment().name("contact wiring test").addModelInstance("test-contact-wiring.bpmn", model)
                .addClasspathResource("forms/record-contact.form").deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void clock(String iso) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
    }

    @Test
    void theCaseGetsTheOutcomeBackAndTheCallTaskShowsAndEnforcesTheGuard() {
        String loanNo = "WIRE-1";
        ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", "wire@example.com");
        clock("2026-03-10T10:00:00+08:00");
        Map<String, Object> vars = new HashMap<>();
        vars.put(ContactAttempt.Vars.LOAN_NO, loanNo);
        vars.put("reminderChannel", "sms");
        vars.put("reminderPurpose", "REMINDER_30");
        ProcessInstance parent = runtime.startProcessInstanceByKey("test-contact-wiring", loanNo, vars);
        ProcessInstance child = runtime.createProcessInstanceQuery().processDefinitionKey(ContactAttempt.PROCESS_KEY)
            .superProcessInstanceId(parent.getId()).singleResult();
        assertThat(child).isNotNull();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(child.getId()).singleResult().getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(child.getId()).singleResult().getBusinessKey())
            .isEqualTo(loanNo);
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
            .processInstanceId(child.getId()).singleResult().getId());
        assertThat(parent).isWaitingAt("Task_CallBorrower").variables()
            .containsEntry(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.OUTCOME_SENT);

        Task task = tasks.createTaskQuery().processInstanceId(parent.getId()).singleResult();
        assertThat((String) tasks.getVariableLocal(task.getId(), ManualContact.Vars.COMPLIANCE_HINT))
            .isEqualTo("You may call until 21:00 (borrower's time) within today's limits.");

        // a call claimed at 22:00 is refused with the time calling is allowed again
        clock("2026-03-10T22:00:00+08:00");
        tasks.setAssignee(task.getId(), "collector1");
        Map<String, Object> call = Map.of(ManualContact.Vars.CONTACT_MADE, true, ManualContact.Vars.CONTACT_CHANNEL, "call",
            ManualContact.Vars.CONTACT_RESULT, "NO_ANSWER", ManualContact.Vars.CONTACT_NOTE, "tried the mobile");
        assertThatThrownBy(() -> tasks.complete(task.getId(), call))
            .hasMessageContaining("Calling is allowed again at Wed 09:00 (2026-03-11, borrower's time +08:00)");
        // a note with prohibited language is refused with the phrase named
        clock("2026-03-10T15:00:00+08:00");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(ManualContact.Vars.CONTACT_MADE, false,
            ManualContact.Vars.CONTACT_NOTE, "borrower is a deadbeat")))
            .hasMessageContaining("\"deadbeat\" (insult)");
        assertThat(parent).isWaitingAt("Task_CallBorrower");

        tasks.complete(task.getId(), call);
        assertThat(parent).isEnded();
        assertThat(contactLog.forLoan(loanNo)).extracting(ContactLogEntry::channel, ContactLogEntry::result,
            e -> e.operator().id()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(io.collectflow.contact.Channel.SMS, "SENT", "system"),
                org.assertj.core.groups.Tuple.tuple(io.collectflow.contact.Channel.CALL, "NO_ANSWER", "collector1"));
    }
}
