package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.arrangement.plan.process.PlanConfirmation;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.StageChanges;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.process.WriteOffVars;

/** collection-case.bpmn: every stage, every call outcome, escalation by the scan and cure from each stage. */
class CollectionCaseProcessTest extends CaseProcessTestSupport {

    @Autowired PlanConfirmation planConfirmation;

    @Test
    void preparesTheCaseAndOpensTheFirstLineCallWithTheDossier() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);

        assertThat(pi).isWaitingAt(CALL_BORROWER).hasPassed("Task_VerifyContactData", "Task_AssembleDossier",
            "Task_DetermineStrategy");
        Task call = singleTask(pi, CALL_BORROWER);
        assertThat(candidateGroups(call)).containsExactly("collectors-l1");
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.FIRST_LINE);
        assertThat(variable(pi, Vars.CONTACT_DATA_VALID)).isEqualTo(true);
        assertThat(variable(pi, Vars.OVERDUE_PRINCIPAL)).isEqualTo(1000.0);
        assertThat(variable(pi, Vars.OVERDUE_INTEREST)).isEqualTo(50.0);
        assertThat(variable(pi, Vars.OVERDUE_PENALTY)).isEqualTo(12.5);
        assertThat(variable(pi, Vars.PAYOFF_AMOUNT)).isEqualTo(12062.5);
        // scorecard: dpd 10 → 60, 1,050 overdue → 50, no history 0, income unknown 75, no contacts 50 + 50 = 285
        assertThat(variable(pi, Vars.RISK_GRADE)).isEqualTo("LOW");
        assertThat(variable(pi, Vars.OVERDUE_REASON)).isEqualTo("OTHER");
        assertThat((String) variable(pi, Vars.LAST_CONTACTS)).contains("No contact");
        assertThat(variable(pi, Vars.PHONE_MASKED)).isEqualTo("138****8000");
        assertThat(variable(pi, Vars.EMAIL_MASKED)).isEqualTo("l***@example.cn");
    }

    @Test
    void invalidContactDataIsFlagged() {
        String loanNo = fixtures.loan(5, today(), "consumer", "n/a");
        ProcessInstance pi = startCase(loanNo, 5);

        assertThat(variable(pi, Vars.CONTACT_DATA_VALID)).isEqualTo(false);
        assertThat((String) variable(pi, Vars.CONTACT_DATA_ISSUES)).contains("phone");
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'CONTACT_DATA_INVALID'",
            loanNo)).isEqualTo(1);
    }

    @Test
    void keptPromiseWaitsForTheNextContact() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);

        complete(singleTask(pi, CALL_BORROWER), promise(300));
        assertThat(pi).isWaitingAt(PROMISE_DUE);
        Date checkAt = (Date) variable(pi, Vars.PROMISE_CHECK_AT);
        assertThat(checkAt.toInstant()).isAfter(Instant.now().plus(Duration.ofDays(5)));

        fixtures.pay(loanNo, today().plusDays(2), new BigDecimal("300.00"));
        ClockUtil.setCurrentTime(Date.from(checkAt.toInstant().plusSeconds(60)));
        fireTimer(pi, PROMISE_DUE);

        assertThat(pi).hasPassed("Task_CheckPromisePayment").isWaitingAt(NEXT_CONTACT);
        assertThat(variable(pi, Vars.PROMISE_KEPT)).isEqualTo(true);
        assertThat(fixtures.count("SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status = 'KEPT'", loanNo))
            .isEqualTo(1);
        fireTimer(pi, NEXT_CONTACT);
        singleTask(pi, CALL_BORROWER);
    }

    @Test
    void aPromiseToPayLaterTodayIsTakenAndCheckedAfterTheGrace() {
        // a Thursday morning in Shanghai (the borrower's zone, in which "today" is checked) and on the server alike:
        // from 16:00 UTC on, the server's today is already yesterday for the borrower
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant()));
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);

        Map<String, Object> sameDay = promise(300);
        sameDay.put(Vars.PROMISE_DATE, today().toString());
        complete(singleTask(pi, CALL_BORROWER), sameDay);

        assertThat(pi).isWaitingAt(PROMISE_DUE);
        assertThat(fixtures.count("""
            SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status = 'OPEN' AND promised_on = promise_date""",
            loanNo)).isEqualTo(1);
        // checked the day after the promise date plus the grace (P2D), as for any promise, when the borrower (in
        // Shanghai) may be called: inside the window (NextContactTimingProcessTest: the exact moment)
        Instant checkAt = ((Date) variable(pi, Vars.PROMISE_CHECK_AT)).toInstant();
        ZoneId borrower = ZoneId.of("Asia/Shanghai");
        assertThat(checkAt).isAfterOrEqualTo(today().plusDays(3).atStartOfDay(borrower).toInstant());
        assertThat(checkAt.atZone(borrower).getHour()).isBetween(9, 20);

        // paid the same day, after the call
        fixtures.pay(loanNo, today(), new BigDecimal("300.00"));
        ClockUtil.setCurrentTime(Date.from(checkAt.plusSeconds(60)));
        fireTimer(pi, PROMISE_DUE);

        assertThat(variable(pi, Vars.PROMISE_KEPT)).isEqualTo(true);
        assertThat(fixtures.count("SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status = 'KEPT'", loanNo))
            .isEqualTo(1);
        assertThat(pi).isWaitingAt(NEXT_CONTACT);
    }

    @Test
    void brokenPromiseCountsAndGoesBackToTheCollector() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);

        complete(singleTask(pi, CALL_BORROWER), promise(300));
        fixtures.pay(loanNo, today().plusDays(1), new BigDecimal("100.00"));
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(9))));
        fireTimer(pi, PROMISE_DUE);

        assertThat(variable(pi, Vars.PROMISE_KEPT)).isEqualTo(false);
        assertThat(variable(pi, Vars.BROKEN_PROMISES)).isEqualTo(1);
        assertThat(pi).hasPassed("Gateway_BackToCollector");
        Task again = singleTask(pi, CALL_BORROWER);
        // the new call starts with an empty form, the last contacts show the call just made
        assertThat(taskService.getVariable(again.getId(), Vars.CALL_OUTCOME)).isNull();
        assertThat((String) taskService.getVariable(again.getId(), Vars.LAST_CONTACTS)).contains("PROMISE_TO_PAY");
    }

    @Test
    void noAnswerIsRetriedInAnotherTimeSlot() {
        // a Tuesday morning in Shanghai, the borrower's zone: four hours later is still inside the contact window
        // (NextContactTimingProcessTest: retries that would fall outside it)
        Instant before = Instant.parse("2026-12-01T02:00:00Z");
        ClockUtil.setCurrentTime(Date.from(before));
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);

        complete(singleTask(pi, CALL_BORROWER), noAnswer());
        assertThat(pi).isWaitingAt(NEXT_CONTACT);
        Instant next = ((Date) variable(pi, Vars.NEXT_CONTACT_AT)).toInstant();
        // 30-59 DPD in the expanded plan: another slot four hours later
        assertThat(Duration.between(before, next)).isEqualTo(Duration.ofHours(4));
        assertThat(variable(pi, Vars.NO_RESPONSE_ESCALATION_DUE)).isEqualTo(false);

        fireTimer(pi, NEXT_CONTACT);
        singleTask(pi, CALL_BORROWER);
    }

    @Test
    void noResponseForThreeDaysEscalatesToSecondLine() {
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);

        complete(singleTask(pi, CALL_BORROWER), noAnswer());
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
        fireTimer(pi, NEXT_CONTACT);
        complete(singleTask(pi, CALL_BORROWER), noAnswer());

        assertThat(pi).hasPassed("EndEvent_NoResponseEscalated", "Task_DetermineNextStage").isWaitingAt(VISIT_BORROWER);
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.SECOND_LINE);
        assertThat(candidateGroups(singleTask(pi, VISIT_BORROWER))).containsExactly("collectors-l2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUSED", "EVASIVE"})
    void refusingOrEvasiveBorrowerIsFlaggedAndEscalated(String outcome) {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = startCase(loanNo, 20);

        complete(singleTask(pi, CALL_BORROWER), reached(outcome));

        assertThat(pi).hasPassed("Task_FlagBorrower", "EndEvent_RefusedEscalated").isWaitingAt(VISIT_BORROWER);
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = ?", loanNo, outcome))
            .isEqualTo(1);
        assertThat((String) variable(pi, "escalationMaterial")).contains("Contacts: 1");
    }

    @Test
    void requestedPlanIsArrangedAndFollowedUp() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = startCase(loanNo, 20);

        complete(singleTask(pi, CALL_BORROWER), reached("PLAN_REQUESTED"));
        assertThat(pi).isWaitingAt(ARRANGE_REPAYMENT_PLAN);
        Task plan = singleTask(pi, "Task_ProposePlan");
        assertThat(candidateGroups(plan)).containsExactly("collectors-l1");
        // income 1,000 × 0.4 − 300 = 100 affordable: outside policy, the manager rejects the plan
        complete(plan, Map.of("installmentCount", 2L, "declaredIncome", 1000.0, "otherDebts", 300.0,
            "firstDueOn", today().plusDays(10).toString(), "planConfirmation", "WRITTEN", "overdueReason", "CASH_FLOW"));
        completeAs("manager1", singleTask(pi, "Task_ApprovePlan"), Map.of("planApproved", false));

        assertThat(variable(pi, "planOutcome")).isEqualTo("REJECTED");
        assertThat(pi).hasPassed(ARRANGE_REPAYMENT_PLAN, "Gateway_FollowUpJoin").isWaitingAt(NEXT_CONTACT);
    }

    @Test
    void thePlanTaskFromACollectorsCallAndItsCorrectionStayWithThatCollector() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = startCase(loanNo, 20);
        Task call = singleTask(pi, CALL_BORROWER);
        taskService.claim(call.getId(), "collector1");

        complete(call, reached("PLAN_REQUESTED"));
        Task plan = singleTask(pi, "Task_ProposePlan");
        assertThat(plan.getAssignee()).as("the collector who asked for the plan").isEqualTo("collector1");
        assertThat(candidateGroups(plan)).containsExactly("collectors-l1");

        // refused by the plan rules: the first installment would be due yesterday
        complete(plan, Map.of("installmentCount", 3L, "declaredIncome", 3000.0, "otherDebts", 200.0,
            "firstDueOn", today().minusDays(1).toString(), "planConfirmation", "WRITTEN", "overdueReason", "CASH_FLOW"));
        Task corrected = singleTask(pi, "Task_ProposePlan");
        assertThat(corrected.getId()).isNotEqualTo(plan.getId());
        assertThat(corrected.getAssignee()).isEqualTo("collector1");
        assertThat(taskService.createTaskQuery().taskId(corrected.getId()).taskCandidateGroup("collectors-l1")
            .includeAssignedTasks().count()).as("still in the First line queue").isOne();
    }

    @Test
    void otherOutcomeFollowsUpOnTheChosenDate() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = startCase(loanNo, 20);

        Map<String, Object> report = reached("OTHER");
        report.put(Vars.NEXT_FOLLOW_UP, today().plusDays(4).toString());
        complete(singleTask(pi, CALL_BORROWER), report);

        assertThat(pi).isWaitingAt(NEXT_CONTACT);
        assertThat(((Date) variable(pi, Vars.NEXT_CONTACT_AT)).toInstant())
            .isAfter(Instant.now().plus(Duration.ofDays(3)));
    }

    @Test
    void promiseWithAPastDateOrWithoutPositiveAmountIsRejected() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);
        Task call = singleTask(pi, CALL_BORROWER);

        Map<String, Object> bad = promise(0);
        bad.put(Vars.PROMISE_DATE, today().minusDays(1).toString());
        assertThatThrownBy(() -> taskService.complete(call.getId(), bad))
            .hasMessageContaining("promiseDate").hasMessageContaining("promiseAmount");

        singleTask(pi, CALL_BORROWER);
        assertThat(fixtures.count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ?", loanNo)).isZero();
    }

    @Test
    void secondLineVisitNeedsTwoDistinctStaffAndPlanConfirmation() {
        String loanNo = fixtures.loan(100, today());
        ProcessInstance pi = startCase(loanNo, 100);
        Task visit = singleTask(pi, VISIT_BORROWER);

        Map<String, Object> sameStaff = visit("PLAN_CONFIRMED", "Wang Fang", "wang fang");
        assertThatThrownBy(() -> taskService.complete(visit.getId(), sameStaff))
            .hasMessageContaining("different people").hasMessageContaining("planConfirmation");

        Map<String, Object> report = visit("PLAN_CONFIRMED", "Wang Fang", "Zhao Lei");
        report.put(Vars.PLAN_CONFIRMATION, "WRITTEN");
        report.put(Vars.PLAN_CONFIRMED, true);
        complete(visit, report);
        assertThat(pi).hasPassed("Task_RecordVisit").isWaitingAt(ARRANGE_NEGOTIATED_PLAN);
        assertThat(fixtures.count("""
            SELECT COUNT(*) FROM contact_report WHERE loan_no = ? AND channel = 'VISIT' AND staff_1 = 'Wang Fang'
               AND staff_2 = 'Zhao Lei' AND consent_to_enter = TRUE AND plan_confirmation = 'WRITTEN'""", loanNo))
            .isEqualTo(1);

        // income 1,000 × 0.4 − 300 = 100 affordable: outside policy, the manager rejects the plan
        complete(singleTask(pi, "Task_ProposePlan"), Map.of("installmentCount", 2L, "declaredIncome", 1000.0,
            "otherDebts", 300.0, "firstDueOn", today().plusDays(10).toString(), "overdueReason", "CASH_FLOW"));
        completeAs("manager1", singleTask(pi, "Task_ApprovePlan"), Map.of("planApproved", false));
        assertThat(variable(pi, "planOutcome")).isEqualTo("REJECTED");
        assertThat(pi).hasPassed(ARRANGE_NEGOTIATED_PLAN).isWaitingAt("Timer_VisitFollowUp");

        fireTimer(pi, "Timer_VisitFollowUp");
        Map<String, Object> video = new HashMap<>();
        video.put(Vars.VISIT_MODE, "VIDEO");
        video.put(Vars.VISIT_OUTCOME, "ESCALATE");
        complete(singleTask(pi, VISIT_BORROWER), video);

        // expanded plan: second line exhausted -> agency
        assertThat(pi).hasPassed("EndEvent_SecondLineExhausted").isWaitingAt(AGENCY_PLACEMENT);
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.AGENCY);
    }

    @Test
    void aPlanAgreedOnAVisitIsProposedConfirmedAndTrackedAsARepaymentPlan() {
        String loanNo = fixtures.loan(100, today());
        ProcessInstance pi = startCase(loanNo, 100);
        Task visit = singleTask(pi, VISIT_BORROWER);
        taskService.claim(visit.getId(), "collector2");

        Map<String, Object> report = visit("PLAN_CONFIRMED", "Wang Fang", "Zhao Lei");
        report.put(Vars.PLAN_CONFIRMATION, "WRITTEN");
        report.put(Vars.PLAN_CONFIRMED, true);
        complete(visit, report);

        // the same repayment-plan process as a plan requested on a call: proposal, policy, confirmation, tracking
        assertThat(pi).isWaitingAt(ARRANGE_NEGOTIATED_PLAN);
        assertThat(openTasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactly("Task_ProposePlan");
        Task proposal = singleTask(pi, "Task_ProposePlan");
        assertThat(proposal.getAssignee()).as("the collector who made the visit").isEqualTo("collector2");
        assertThat(candidateGroups(proposal)).containsExactly("collectors-l2");
        assertThat(taskService.getVariable(proposal.getId(), Vars.PLAN_CONFIRMATION))
            .as("the confirmation the borrower gave on the visit").isEqualTo("WRITTEN");
        // income 3,000 × 0.4 − 200 = 1,000 affordable; 1,050 in 3 installments of 350: within policy
        complete(proposal, Map.of("installmentCount", 3L, "declaredIncome", 3000.0, "otherDebts", 200.0,
            "firstDueOn", today().plusDays(10).toString(), "overdueReason", "CASH_FLOW"));

        long planId = jdbc.queryForObject("SELECT id FROM repayment_plan WHERE loan_no = ?", Long.class, loanNo);
        // the signed agreement from the visit is flagged once the plan is stored
        planConfirmation.written(planId);
        runJobs();

        assertThat(jdbc.queryForObject("SELECT status || '/' || collector || '/' || confirmation_mode FROM repayment_plan"
            + " WHERE id = ?", String.class, planId)).isEqualTo("ACTIVE/collector2/WRITTEN");
        assertThat(fixtures.count("SELECT COUNT(*) FROM plan_installment WHERE plan_id = ?", planId)).isEqualTo(3);
        assertThat(pi).isWaitingAt(ARRANGE_NEGOTIATED_PLAN);
        ProcessInstance plan = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
            .singleResult();
        assertThat(plan).isWaitingAt("Timer_InstallmentDue");
        assertThat(openTasks(pi)).isEmpty();
    }

    @Test
    void agencyThenLegalThenWriteOffCloseTheCase() {
        // first due 1,200 days ago: past the limitation period, so the write-off is eligible
        String loanNo = fixtures.loan(1200, today());
        ProcessInstance pi = startCase(loanNo, 200);
        assertThat(pi).isWaitingAt(AGENCY_PLACEMENT);

        complete(singleTask(pi, "Task_ApprovePlacement"), Map.of(Vars.PLACEMENT_APPROVED, true, "placementScope", "phone"));
        complete(singleTask(pi, "Task_WorkPlacedCase"), Map.of("agencyReport", "borrower unreachable"));
        complete(singleTask(pi, "Task_ReviewAgencyResult"), Map.of(Vars.AGENCY_OUTCOME, "RETURNED_UNPAID"));
        assertThat(pi).hasPassed("EndEvent_AgencyFinished").isWaitingAt(LEGAL_ACTION);
        assertThat(variable(pi, Vars.AGENCY_OUTCOME)).isEqualTo("RETURNED_UNPAID");

        complete(singleTask(pi, "Task_SendLawyerLetter"), Map.of("letterTracking", "EMS1"));
        assertThat(pi).hasPassed("EndEvent_LegalFinished").isWaitingAt(WRITE_OFF_APPROVAL);

        decideWriteOff(pi, "Task_FirstApproval", "manager1", "REJECT", "try another letter");
        assertThat(pi).hasPassed("EndEvent_WriteOffRejected").isWaitingAt(LEGAL_ACTION);
        assertThat(variable(pi, WriteOffVars.REJECTION_REASON)).as("the reason comes back to the case")
            .isEqualTo("try another letter");

        complete(singleTask(pi, "Task_SendLawyerLetter"), Map.of("letterTracking", "EMS2"));
        decideWriteOff(pi, "Task_FirstApproval", "manager1", "APPROVE", null);
        decideWriteOff(pi, "Task_SecondApproval", "manager2", "APPROVE", null);

        assertThat(pi).hasPassed("EndEvent_WrittenOff", "EndEvent_CaseClosed").isEnded();
        assertThat(historicVariable(pi, Vars.CASE_OUTCOME)).isEqualTo("WRITTEN_OFF");
    }

    private void decideWriteOff(ProcessInstance pi, String taskKey, String user, String decision, String comment) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("writeOffDecision", decision);
        vars.put("writeOffComment", comment);
        engine.getIdentityService().setAuthentication(user, java.util.List.of("managers"));
        try {
            taskService.complete(singleTask(pi, taskKey).getId(), vars);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        // the job executor works as the system, not as the approver
        runJobs();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 200, 400})
    void cureEndsTheCaseFromEveryStage(int dpd) {
        String loanNo = fixtures.loan(dpd, today());
        ProcessInstance pi = startCase(loanNo, dpd);
        assertThat(openTasks(pi)).isNotEmpty();

        arrearsCleared(loanNo);

        assertThat(pi).hasPassed("Task_RecordCure", "EndEvent_CaseCured").isEnded();
        assertThat(openTasks(pi)).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(loanNo).count()).isZero();
        assertThat(historicVariable(pi, Vars.CASE_OUTCOME)).isEqualTo("CURED");
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'CURED'", loanNo))
            .isEqualTo(1);
    }

    @Test
    void cureWhileWaitingForAPromiseCancelsTheTimer() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);
        complete(singleTask(pi, CALL_BORROWER), promise(1100));
        assertThat(pi).isWaitingAt(PROMISE_DUE);

        arrearsCleared(loanNo);

        assertThat(pi).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void dpdEscalationWhileACallIsOpenMovesTheCaseWithoutDuplicates() {
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);
        Task call = singleTask(pi, CALL_BORROWER);
        taskService.claim(call.getId(), "collector1");

        delinquencyChanged(loanNo, 95);

        assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isZero();
        assertThat(openTasks(pi)).hasSize(1);
        Task visit = singleTask(pi, VISIT_BORROWER);
        assertThat(candidateGroups(visit)).containsExactly("collectors-l2");
        assertThat(pi).hasPassed("BoundaryEvent_StageChanged", "Event_CaseMoved");

        // the same bucket again and a lower DPD neither duplicate nor pull the case back
        delinquencyChanged(loanNo, 96);
        delinquencyChanged(loanNo, 50);
        assertThat(openTasks(pi)).extracting(Task::getId).containsExactly(visit.getId());
        assertThat(variable(pi, Vars.STAGE)).isEqualTo(Stages.SECOND_LINE);
        assertThat(pi).hasPassed("EndEvent_StageKept");
        // the stage change is the process owners' decision table (strategy-stage-change.dmn), not a Java rule
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
            .decisionDefinitionKey(CollectionCase.STAGE_CHANGE_DECISION_KEY).includeOutputs().list())
            .flatExtracting(HistoricDecisionInstance::getOutputs).extracting(HistoricDecisionOutputInstance::getValue)
            .containsExactly(StageChanges.MOVE, StageChanges.SAME, StageChanges.KEEP);
    }

    /**
     * Process owners change the stage-change rule in Modeler, without Java: a new version of the table in which a
     * first-line case is never moved keeps the case with first line when the strategy asks for second line (the
     * business rule task binds the latest version).
     */
    @Test
    void aChangedStageChangeTableDecidesWithoutACodeChange() throws Exception {
        String file = CollectionCase.STAGE_CHANGE_DECISION_KEY + ".dmn";
        String table = Files.readString(Path.of("processes", file)).replace(
            "<outputEntry id=\"OutputEntry_FirstLineMoves\"><text>\"MOVE\"</text>",
            "<outputEntry id=\"OutputEntry_FirstLineMoves\"><text>\"KEEP\"</text>");
        assertThat(table).contains("OutputEntry_FirstLineMoves\"><text>\"KEEP\"");
        String deployment = repositoryService.createDeployment().name("first line keeps its cases")
            .addString(file, table).deploy().getId();
        try {
            String loanNo = fixtures.loan(45, today());
            ProcessInstance pi = startCase(loanNo, 45);
            Task call = singleTask(pi, CALL_BORROWER);

            delinquencyChanged(loanNo, 95);

            assertThat(variable(pi, Vars.CURRENT_STAGE)).isEqualTo(Stages.FIRST_LINE);
            assertThat(openTasks(pi)).extracting(Task::getId).containsExactly(call.getId());
            assertThat(pi).hasPassed(DECIDE_STAGE_CHANGE, STAGE_KEPT).hasNotPassed("Event_CaseMoved");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void earlyWarningSendsSmsAndEmailAt30VoiceAt60AndPreparesHandoverAt90() {
        String loanNo = fixtures.loan(35, today());
        ProcessInstance pi = startCase(loanNo, 35);

        assertThat(pi).hasPassed("CallActivity_SmsReminder", "CallActivity_EmailReminder", "EndEvent_RemindersSent");
        assertThat(contactAttempts(loanNo)).containsExactlyInAnyOrder("sms/REMINDER_30", "email/REMINDER_30");
        assertThat(variable(pi, "smsReminderOutcome")).isEqualTo("SENT");

        delinquencyChanged(loanNo, 61);
        assertThat(pi).hasPassed("EndEvent_VoiceReminderSent");
        assertThat(contactAttempts(loanNo)).containsExactlyInAnyOrder("sms/REMINDER_30", "email/REMINDER_30",
            "voice/VOICE_60");
        // expanded plan: 60-89 stays with first line, intensified (shorter retry), the open call task is kept
        assertThat(pi).hasPassed("Event_RhythmAdopted");
        assertThat(variable(pi, Vars.RETRY_AFTER)).isEqualTo("PT2H");
        singleTask(pi, CALL_BORROWER);

        delinquencyChanged(loanNo, 62);
        assertThat(contactAttempts(loanNo)).hasSize(3);

        delinquencyChanged(loanNo, 91);
        assertThat(pi).hasPassed("Task_PrepareHandover", "EndEvent_HandoverPrepared").isWaitingAt(VISIT_BORROWER);
        assertThat(variable(pi, Vars.HANDOVER_PREPARED)).isEqualTo(true);
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'HANDOVER_90'",
            loanNo)).isEqualTo(1);
    }

    @Test
    void shortPlanEscalatesFasterThanTheExpandedPlan() {
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45, Map.of(Vars.STRATEGY_VARIANT, "short"));
        singleTask(pi, CALL_BORROWER);

        delinquencyChanged(loanNo, 65);
        singleTask(pi, VISIT_BORROWER);

        delinquencyChanged(loanNo, 95);
        assertThat(pi).isWaitingAt(LEGAL_ACTION);
        assertThat(candidateGroups(singleTask(pi, "Task_SendLawyerLetter"))).containsExactly("legal");
    }

    @Test
    void aLegalStageWithoutActionAndAWriteOffWithoutGroundWaitForTheNextRoundInsteadOfLooping() {
        String loanNo = fixtures.loan(95, today());
        // one installment left: litigation would cost more than it recovers, and the loan is far from the limitation
        jdbc.update("DELETE FROM installment WHERE loan_no = ? AND seq > 1", loanNo);
        ProcessInstance pi = startCase(loanNo, 95, Map.of(Vars.STRATEGY_VARIANT, "short"));

        assertThat(pi).hasPassed(LEGAL_ACTION, "EndEvent_LegalFinished", WRITE_OFF_APPROVAL)
            .isWaitingAt(HOLD_BEFORE_NEXT_LEGAL_ROUND);
        assertThat(variable(pi, "writeOffEligible")).isEqualTo(false);
        assertThat(variable(pi, Vars.RETRY_AFTER)).isEqualTo("P7D");
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
            .as("one legal action and one write-off review").isEqualTo(2);

        fireTimer(pi, HOLD_BEFORE_NEXT_LEGAL_ROUND);

        assertThat(pi).isWaitingAt(HOLD_BEFORE_NEXT_LEGAL_ROUND);
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
            .as("one more round after the hold").isEqualTo(4);
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> reached(String outcome) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, true);
        vars.put(Vars.CALL_OUTCOME, outcome);
        vars.put(Vars.OVERDUE_REASON, "CASH_FLOW");
        vars.put(Vars.CALL_NOTES, "spoke to borrower");
        return vars;
    }

    private Map<String, Object> promise(double amount) {
        Map<String, Object> vars = reached("PROMISE_TO_PAY");
        vars.put(Vars.PROMISE_DATE, today().plusDays(5).toString());
        vars.put(Vars.PROMISE_AMOUNT, amount);
        return vars;
    }

    private Map<String, Object> noAnswer() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, false);
        vars.put(Vars.CALL_OUTCOME, "NO_ANSWER");
        return vars;
    }

    private Map<String, Object> visit(String outcome, String staff1, String staff2) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.VISIT_MODE, "VISIT");
        vars.put(Vars.VISIT_STAFF_1, staff1);
        vars.put(Vars.VISIT_STAFF_2, staff2);
        vars.put(Vars.AUTHORIZATION_LETTER, true);
        vars.put(Vars.CONSENT_TO_ENTER, true);
        vars.put(Vars.VISIT_OUTCOME, outcome);
        return vars;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    /** channel/purpose of every contact-attempt the case started. */
    private List<String> contactAttempts(String loanNo) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("contact-attempt")
            .processInstanceBusinessKey(loanNo).list().stream()
            .map(h -> historyValue(h.getId(), "channel") + "/" + historyValue(h.getId(), "purpose")).toList();
    }

    private Object historyValue(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
            .variableName(name).singleResult().getValue();
    }
}
