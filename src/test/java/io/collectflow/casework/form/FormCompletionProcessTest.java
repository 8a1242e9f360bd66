package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.agency.PlacementService;
import io.collectflow.agency.process.AgencyVars;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.complaint.process.ComplaintProcess;
import io.collectflow.contact.compliance.BorrowerDirectory;

/**
 * Every user task's Camunda Form is checked when the task is completed through the engine (TaskService, FormService),
 * whatever the client: a refused completion names the fields by label, leaves the task open and stores nothing.
 */
class FormCompletionProcessTest extends CaseProcessTestSupport {

    @Autowired FormService formService;
    @Autowired PlacementService placements;
    @Autowired BorrowerDirectory directory;

    private ProcessInstance lawyerLetter(String loanNo) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 3000.0));
        runJobs();
        assertThat(pi).isWaitingAt("Task_SendLawyerLetter");
        return pi;
    }

    @Test
    void aLawyerLetterWithoutTrackingNumberIsRefusedAndNothingChanges() {
        ProcessInstance pi = lawyerLetter(fixtures.loan(400, today()));
        Task send = singleTask(pi, "Task_SendLawyerLetter");

        assertThatThrownBy(() -> taskService.complete(send.getId(), Map.of("letterTracking", " ")))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Please correct: Registered-mail tracking number is required");
        assertThatThrownBy(() -> formService.submitTaskForm(send.getId(), Map.of()))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessageContaining("Registered-mail tracking number is required");

        assertThat(pi).isWaitingAt("Task_SendLawyerLetter");
        assertThat(singleTask(pi, "Task_SendLawyerLetter").getId()).isEqualTo(send.getId());
        assertThat(variable(pi, "letterTracking")).isNull();

        complete(send, Map.of("letterTracking", "EMS123"));
        assertThat(pi).hasPassed("EndEvent_LetterSent").isEnded();
    }

    private ProcessInstance placementAwaitingApproval(String loanNo) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("agency-placement", loanNo, Map.of(
            Vars.LOAN_NO, loanNo, Vars.DPD, 200, Vars.OVERDUE_AMOUNT, 1050.0, AgencyVars.CHALLENGER_DRAW, 50));
        runJobs();
        return pi;
    }

    @Test
    void aPlacementApprovalWithoutScopeIsRefusedAndNothingIsPlaced() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = placementAwaitingApproval(loanNo);
        Task approve = singleTask(pi, "Task_ApprovePlacement");

        assertThatThrownBy(() -> complete(approve, Map.of(AgencyVars.PLACEMENT_APPROVED, true)))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Please correct: Scope (e.g. phone and letters only, no visits) is required");
        assertThat(pi).isWaitingAt("Task_ApprovePlacement");
        assertThat(variable(pi, AgencyVars.PLACEMENT_APPROVED)).isNull();
        assertThat(placements.activePlacement(loanNo)).isEmpty();

        complete(approve, Map.of(AgencyVars.PLACEMENT_APPROVED, true, AgencyVars.PLACEMENT_SCOPE, "phone only"));
        assertThat(placements.activePlacement(loanNo)).isPresent();
    }

    /**
     * A client that leaves a box out has not decided: the completion is refused naming the box, nothing is stored,
     * and the box is not taken as unticked (no placement rejected by omission).
     */
    @Test
    void aBoxLeftOutOfACompletionIsRefusedAndNotTakenAsUnticked() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = placementAwaitingApproval(loanNo);
        Task approve = singleTask(pi, "Task_ApprovePlacement");

        Map<String, Object> noDecision = new HashMap<>(Map.of(AgencyVars.PLACEMENT_SCOPE, "phone only"));
        noDecision.put(AgencyVars.PLACEMENT_APPROVED, null);
        assertThatThrownBy(() -> complete(approve, noDecision))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Please correct: placementApproved: tick or untick the box (true or false)");
        assertThatThrownBy(() -> formService.submitTaskForm(approve.getId(),
            Map.of(AgencyVars.PLACEMENT_SCOPE, "phone only")))
            .hasMessageContaining("placementApproved: tick or untick the box (true or false)");
        assertThat(pi).isWaitingAt("Task_ApprovePlacement");
        assertThat(variable(pi, AgencyVars.PLACEMENT_SCOPE)).isNull();

        complete(approve, Map.of(AgencyVars.PLACEMENT_APPROVED, false, AgencyVars.PLACEMENT_SCOPE, "phone only"));
        assertThat(placements.activePlacement(loanNo)).as("rejected").isEmpty();
        assertThat(pi).hasPassed("Task_ApprovePlacement");
    }

    @Test
    void theCollectorsOwnReportCheckSpeaksFirstAndTheFormCatchesTheRest() {
        ProcessInstance pi = startCase(fixtures.loan(10, today()), 10);
        Task call = singleTask(pi, Elements.CALL_BORROWER);

        Map<String, Object> promise = new HashMap<>(Map.of(Vars.REACHED, true, Vars.CALL_OUTCOME, "PROMISE_TO_PAY"));
        assertThatThrownBy(() -> taskService.complete(call.getId(), promise))
            .as("the report check's own words, refused as a form validation (REST: 400)")
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessageStartingWith("Please correct: promiseDate: a promise needs a date from today on");

        Map<String, Object> longNotes = new HashMap<>(Map.of(Vars.REACHED, true, Vars.CALL_OUTCOME, "OTHER",
            Vars.CALL_NOTES, "x".repeat(4001)));
        assertThatThrownBy(() -> taskService.complete(call.getId(), longNotes))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Please correct: Notes (summary of the conversation) must have at most 4000 characters");
        assertThat(fixtures.count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ?", pi.getBusinessKey())).isZero();

        complete(call, Map.of(Vars.REACHED, true, Vars.CALL_OUTCOME, "OTHER", Vars.OVERDUE_REASON, "CASH_FLOW",
            Vars.CALL_NOTES, "will call back"));
        assertThat(fixtures.count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ?", pi.getBusinessKey())).isOne();
        // the form's inputs are cleared for the next call, the overdue reason (case data) stays
        for (String field : new String[] {Vars.REACHED, Vars.CALL_OUTCOME, Vars.CALL_NOTES}) {
            assertThat(variable(pi, field)).as(field).isNull();
        }
        assertThat(variable(pi, Vars.OVERDUE_REASON)).isNotNull();
    }

    @Test
    void aHotlineComplaintStartedFromTheFormNeedsTheFormsFields() {
        String definitionId = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY).latestVersion().singleResult().getId();
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .count();

        assertThatThrownBy(() -> formService.submitStartForm(definitionId, Map.of("complainantName", "Zhang San",
            "complainantPhone", "call me", "complaintText", "They called my employer", "category", "spam")))
            .isInstanceOf(FormFieldValidationException.class)
            .hasMessageContaining("Phone (for our answer) is not in the expected format")
            .hasMessageContaining("What is it about? must be one of misconduct, harassment");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .count()).isEqualTo(before);

        ProcessInstance started = formService.submitStartForm(definitionId, Map.of("complainantName", "Zhang San",
            "complainantPhone", "+86 138 0000 0000", "complaintText", "They called my employer"));
        assertThat(started.isEnded()).isFalse();
        runtimeService.deleteProcessInstance(started.getId(), "test");
    }

    @Test
    void aFieldAProcessOwnerAddsToTheCallFormIsCheckedAndClearedForTheNextCall() throws IOException {
        String form = Files.readString(Path.of("forms/call-borrower.form"));
        String added = "{ \"id\": \"Field_CallbackNumber\", \"type\": \"textfield\", \"key\": \"callbackNumber\","
            + " \"label\": \"Callback number\", \"validate\": { \"pattern\": \"^[0-9 +]+$\" } },\n    {\n"
            + "      \"id\": \"Field_CallNotes\",";
        assertThat(form).contains("\"id\": \"Field_CallNotes\",");
        Deployment changed = repositoryService.createDeployment().name("owner adds a field to the call form")
            .addInputStream("collection-case.bpmn", Files.newInputStream(Path.of("processes/collection-case.bpmn")))
            .addString("call-borrower.form", form.replace("{\n      \"id\": \"Field_CallNotes\",", added))
            .addInputStream("visit-borrower.form", Files.newInputStream(Path.of("forms/visit-borrower.form")))
            .deploy();
        try {
            ProcessInstance pi = startCase(fixtures.loan(10, today()), 10);
            Task call = singleTask(pi, Elements.CALL_BORROWER);
            Map<String, Object> report = new HashMap<>(Map.of(Vars.REACHED, true, Vars.CALL_OUTCOME, "OTHER",
                "callbackNumber", "after six"));
            assertThatThrownBy(() -> taskService.complete(call.getId(), report))
                .hasMessage("Please correct: Callback number is not in the expected format");

            report.put("callbackNumber", "138 0000 0000");
            complete(call, report);
            assertThat(fixtures.count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ?", pi.getBusinessKey()))
                .isOne();
            assertThat(variable(pi, "callbackNumber")).as("cleared like the form's other inputs").isNull();
        } finally {
            repositoryService.deleteDeployment(changed.getId(), true);
        }
    }

    /**
     * disallowPassedDates is checked on the server. A day has passed when it has ended for the borrower: early in the
     * engine's day D it is still D − 1 in Pago Pago (UTC−11), so a borrower there may still be given D − 1, while a task
     * without a borrower (the engine's zone) refuses it; in the engine's evening D has passed in Kiritimati (UTC+14).
     */
    @Test
    void aPassedDateIsRefusedAndTheBorrowersTodayIsKept() {
        String form = """
            {"id": "dated-test", "type": "default", "components": [
              {"id": "Field_Due", "type": "datetime", "subtype": "date", "key": "dueOn", "dateLabel": "Due on",
               "disallowPassedDates": true, "validate": {"required": true}}
            ]}""";
        Deployment deployment = repositoryService.createDeployment().name("dated form")
            .addModelInstance("dated-test.bpmn", Bpmn.createExecutableProcess("dated-test").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Dated").camundaFormRef("dated-test").camundaFormRefBinding("deployment")
                .endEvent().done())
            .addString("dated-test.form", form).deploy();
        try {
            LocalDate day = LocalDate.of(2026, 12, 8);
            Instant now = day.atTime(1, 0).atZone(ZoneId.systemDefault()).toInstant();
            ClockUtil.setCurrentTime(Date.from(now));
            ZoneId pagoPago = ZoneId.of("Pacific/Pago_Pago");
            LocalDate borrowersToday = LocalDate.ofInstant(now, pagoPago);
            assertThat(borrowersToday).isEqualTo(day.minusDays(1));
            String loanNo = fixtures.loan(10, day);
            setZone(loanNo, pagoPago.getId());

            ProcessInstance borrowers = runtimeService.startProcessInstanceByKey("dated-test", Map.of(Vars.LOAN_NO, loanNo));
            Task task = taskService.createTaskQuery().processInstanceId(borrowers.getId()).singleResult();
            assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("dueOn", day.minusDays(2).toString())))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("Please correct: Due on must be today (2026-12-07) or later");
            taskService.complete(task.getId(), Map.of("dueOn", borrowersToday.toString()));
            assertThat(borrowers).as("still today for the borrower").isEnded();

            ProcessInstance noBorrower = runtimeService.startProcessInstanceByKey("dated-test");
            Task other = taskService.createTaskQuery().processInstanceId(noBorrower.getId()).singleResult();
            assertThatThrownBy(() -> taskService.complete(other.getId(), Map.of("dueOn", day.minusDays(1).toString())))
                .as("the engine's zone alone: D - 1 has passed")
                .hasMessage("Please correct: Due on must be today (2026-12-08) or later");
            taskService.complete(other.getId(), Map.of("dueOn", day.toString()));
            assertThat(noBorrower).isEnded();

            // in the engine's evening it is already D + 1 in Kiritimati (UTC+14): D has passed for that borrower
            ClockUtil.setCurrentTime(Date.from(day.atTime(20, 0).atZone(ZoneId.systemDefault()).toInstant()));
            ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
            assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), kiritimati)).isEqualTo(day.plusDays(1));
            setZone(loanNo, kiritimati.getId());
            ProcessInstance ahead = runtimeService.startProcessInstanceByKey("dated-test", Map.of(Vars.LOAN_NO, loanNo));
            Task aheadTask = taskService.createTaskQuery().processInstanceId(ahead.getId()).singleResult();
            assertThatThrownBy(() -> taskService.complete(aheadTask.getId(), Map.of("dueOn", day.toString())))
                .as("the server's today has passed for the borrower")
                .hasMessage("Please correct: Due on must be today (" + day.plusDays(1) + ") or later");

            // a zone the directory does not know: no borrower's zone, the engine's today
            setZone(loanNo, "Mars/Olympus_Mons");
            assertThat(directory.zoneOf(loanNo)).isEmpty();
            assertThatThrownBy(() -> directory.byLoan(loanNo)).as("the guard cannot tell the borrower's hours")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(loanNo);
            taskService.complete(aheadTask.getId(), Map.of("dueOn", day.toString()));
            assertThat(ahead).isEnded();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private void setZone(String loanNo, String zone) {
        jdbc.update("UPDATE borrower SET timezone = ? WHERE borrower_id = (SELECT borrower_id FROM loan WHERE loan_no = ?)",
            zone, loanNo);
    }

    @Test
    void theBorrowersZoneIsLookedUpOnceForTheGuardAndTheForms() {
        String loanNo = fixtures.loan(10, today());
        setZone(loanNo, "America/New_York");
        assertThat(directory.zoneOf(loanNo)).contains(ZoneId.of("America/New_York"));
        assertThat(directory.byLoan(loanNo)).get().extracting(s -> s.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(directory.zoneOf("NO-SUCH-LOAN")).isEmpty();
        setZone(loanNo, " ");
        assertThat(directory.zoneOf(loanNo)).as("blank").isEmpty();
    }
}
