package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/**
 * A refused completion is the person's input being refused, not a server error: the log gets at most one concise
 * line for it (no ERROR, no stack trace, no ENGINE-16004 "Exception while closing command context"), while a real
 * failure of a completion keeps the engine's ERROR with its stack trace.
 */
class RefusalLoggingTest extends CaseProcessTestSupport {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    /** The events of the action at INFO or above (what a default production log shows). */
    private List<ILoggingEvent> loggedDuring(Runnable action) {
        captured.list.clear();
        action.run();
        return captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    }

    private static void assertConcise(List<ILoggingEvent> events, String refusal) {
        assertThat(events).as("at most one line for the refusal").hasSizeLessThanOrEqualTo(1);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getLevel()).isNotEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(e.getFormattedMessage()).doesNotContain("ENGINE-16004").contains(refusal);
        });
    }

    @Test
    void aCompletionRefusedByTheFormsRulesLogsOneLineWithoutStackTrace() {
        String loanNo = fixtures.loan(400, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 3000.0));
        runJobs();
        Task send = singleTask(pi, "Task_SendLawyerLetter");

        List<ILoggingEvent> events = loggedDuring(() -> assertThatThrownBy(
            () -> taskService.complete(send.getId(), Map.of("letterTracking", " ")))
            .isInstanceOf(FormFieldValidationException.class));
        assertConcise(events, "Registered-mail tracking number is required");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aCompletionRefusedByTheCallReportCheckLogsOneLineWithoutStackTrace() {
        ProcessInstance pi = startCase(fixtures.loan(10, today()), 10);
        Task call = singleTask(pi, Elements.CALL_BORROWER);
        Map<String, Object> promise = new HashMap<>(Map.of(Vars.REACHED, true, Vars.CALL_OUTCOME, "PROMISE_TO_PAY"));

        List<ILoggingEvent> events = loggedDuring(() -> assertThatThrownBy(
            () -> taskService.complete(call.getId(), promise)).isInstanceOf(FormFieldValidationException.class));
        assertConcise(events, "promiseDate");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aCompletionRefusedForWhoActsLogsOneLineWithoutStackTrace() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("repayment-plan", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, "candidateGroup", "collectors-l1", "collector", "collector1"));
        runJobs();
        Map<String, Object> outsidePolicy = new HashMap<>(Map.of("installmentCount", 2L, "declaredIncome", 1000.0,
            "otherDebts", 300.0, "firstDueOn", today().plusDays(10).toString(), "planConfirmation", "WRITTEN",
            "overdueReason", "CASH_FLOW"));
        complete(singleTask(pi, "Task_ProposePlan"), outsidePolicy);
        Task approval = singleTask(pi, "Task_ApprovePlan");
        taskService.setAssignee(approval.getId(), "collector1");

        List<ILoggingEvent> events = loggedDuring(() -> assertThatThrownBy(
            () -> taskService.complete(approval.getId(), Map.of("planApproved", true)))
            .isInstanceOf(AuthorizationException.class));
        assertConcise(events, "collector1 proposed this plan");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aRealFailureOfACompletionKeepsTheEnginesErrorWithItsStackTrace() {
        Deployment deployment = repositoryService.createDeployment().name("failing listener")
            .addModelInstance("failing-listener.bpmn", Bpmn.createExecutableProcess("failing-listener")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Fails")
                .camundaTaskListenerExpression("complete", "${noSuchBean.call()}").endEvent().done())
            .deploy();
        try {
            ProcessInstance pi = runtimeService.startProcessInstanceByKey("failing-listener");
            Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();

            List<ILoggingEvent> events = loggedDuring(() -> assertThatThrownBy(
                () -> taskService.complete(task.getId())).isInstanceOf(ProcessEngineException.class)
                .isNotInstanceOf(FormFieldValidationException.class));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("ENGINE-16004");
                assertThat(e.getThrowableProxy()).isNotNull();
            });
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}
