package io.collectflow.arrangement;

import static io.collectflow.arrangement.plan.process.RepaymentPlanProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import io.collectflow.arrangement.plan.PlanTokenException;
import io.collectflow.arrangement.plan.RepaymentPlanService;
import io.collectflow.arrangement.plan.process.PlanConfirmation;
import io.collectflow.arrangement.plan.process.RepaymentPlanProcess;
import io.collectflow.arrangement.plan.web.PlanController;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.casework.stage.ConcurrentCaseChange;

/**
 * processes/repayment-plan.bpmn on the real application: proposal with a correction, policy,
 * approval, both confirmations, installment tracking with payment, miss, review, completion,
 * break-off and expiry; at least 90 % of the flow nodes covered.
 */
class RepaymentPlanProcessTest extends CaseProcessTestSupport {

    private static final Set<String> COVERED = new HashSet<>();
    private static Set<String> allFlowNodes;

    @Autowired RepaymentPlanService plans;
    @Autowired PlanConfirmation confirmation;
    @Autowired PlanController planApi;
    @Autowired PlatformTransactionManager transactions;

    /** How long the concurrent change holds the plan process: the confirmation reads it meanwhile. */
    private static final Duration RACE = Duration.ofMillis(1500);

    @Test
    void planWithinPolicyConfirmedByLinkIsPaidAndCompleted() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);

        // what the form itself forbids is refused on completion; the task stays open
        assertThatThrownBy(() -> complete(singleTask(pi, "Task_ProposePlan"), proposal(0, 3000, 200, "ELECTRONIC")))
            .hasMessageContaining("Number of installments must be at least 1");
        // a proposal the form accepts but the plan rules do not comes back to the collector with the problem named
        complete(singleTask(pi, "Task_ProposePlan"), firstDueYesterday(proposal(3, 3000, 200, "ELECTRONIC")));
        assertThat(pi).hasPassed("Boundary_PlanInvalid");
        assertThat((String) variable(pi, "planProblems")).contains("firstDueOn");

        // income 3,000 × 0.4 − 200 = 1,000 affordable; 1,050 in 3 installments of 350
        complete(singleTask(pi, "Task_ProposePlan"), proposal(3, 3000, 200, "ELECTRONIC"));
        assertThat(variable(pi, MAX_AFFORDABLE)).isEqualTo(1000.0);
        assertThat(variable(pi, INSTALLMENT_AMOUNT)).isEqualTo(350.0);
        assertThat(variable(pi, WITHIN_POLICY)).isEqualTo(true);
        assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");
        String token = token(pi);

        confirmation.byToken(token);
        assertThatThrownBy(() -> confirmation.byToken(token)).isInstanceOf(PlanTokenException.class)
            .hasMessageContaining("already used");
        runJobs();
        assertThat(pi).hasPassed("Task_ActivatePlan").isWaitingAt("Timer_InstallmentDue");
        long planId = ((Number) variable(pi, PLAN_ID)).longValue();
        LocalDate firstDue = today().plusDays(10);

        fixtures.pay(loanNo, firstDue, new BigDecimal("350.00"));
        installmentChecked(pi, firstDue);
        assertThat(plans.activePlanCoverage(loanNo, firstDue.plusDays(5))).hasValueSatisfying(c -> {
            assertThat(c.honored()).isTrue();
            assertThat(c.planDue()).isEqualByComparingTo("350.00");
        });

        fireTimer(pi, "Boundary_MonthlyReview");
        complete(singleTask(pi, "Task_ReviewPlan"), Map.of("planReviewNotes", "on track"));

        fixtures.pay(loanNo, firstDue.plusMonths(1), new BigDecimal("700.00"));
        installmentChecked(pi, firstDue.plusMonths(1));
        installmentChecked(pi, firstDue.plusMonths(2));

        assertThat(pi).hasPassed("EndEvent_ReviewDone", "EndEvent_InstallmentPaid", "Task_CompletePlan",
            "EndEvent_PlanCompleted").isEnded();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(PLAN_OUTCOME).singleResult().getValue()).isEqualTo("COMPLETED");
        assertThat(status(planId)).isEqualTo("COMPLETED");
        assertThat(fixtures.count("SELECT COUNT(*) FROM plan_installment WHERE plan_id = ? AND status = 'PAID'", planId))
            .isEqualTo(3);
        assertThat(plans.activePlanCoverage(loanNo, today())).isEmpty();
        record(pi);
    }

    /**
     * Installments are the borrower's dates (Asia/Shanghai), whatever the server's zone (UTC): at 01:00 on Friday in
     * Shanghai, still Thursday 17:00 on the server, a first installment due Thursday is in the past; one due Friday is
     * checked when the grace (3 days) after it has ended for the borrower, at the start of Tuesday in Shanghai.
     */
    @Test
    void theFirstDueDateAndTheInstallmentChecksAreTheBorrowersDates() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-05T17:00:00Z")));
        ProcessInstance pi = start(fixtures.loan(20, today()));

        complete(singleTask(pi, "Task_ProposePlan"), firstDueOn("2026-03-05"));
        assertThat(pi).hasPassed("Boundary_PlanInvalid");
        assertThat((String) variable(pi, "planProblems")).contains("firstDueOn");

        complete(singleTask(pi, "Task_ProposePlan"), firstDueOn("2026-03-06"));
        confirmation.byToken(token(pi));
        runJobs();
        Job check = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
            .activityId("Timer_InstallmentDue").singleResult();
        assertThat(check.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
    }

    private Map<String, Object> firstDueOn(String date) {
        Map<String, Object> proposal = proposal(3, 3000, 200, "ELECTRONIC");
        proposal.put(FIRST_DUE_ON, date);
        return proposal;
    }

    @Test
    void planOutsidePolicyApprovedConfirmedInWritingMissedAndBroken() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        // 1,000 × 0.4 − 300 = 100 affordable < 525
        complete(singleTask(pi, "Task_ProposePlan"), proposal(2, 1000, 300, "WRITTEN"));
        assertThat(variable(pi, WITHIN_POLICY)).isEqualTo(false);
        assertThat(singleTask(pi, "Task_ApprovePlan")).isNotNull();
        assertThat(pi).task("Task_ApprovePlan").hasCandidateGroup("managers");
        taskService.setAssignee(singleTask(pi, "Task_ApprovePlan").getId(), "manager1");
        complete(singleTask(pi, "Task_ApprovePlan"), Map.of(PLAN_APPROVED, true));
        long planId = ((Number) variable(pi, PLAN_ID)).longValue();
        assertThat(variable(pi, CONFIRMATION_LINK)).isNull();
        assertThat(jdbc.queryForObject("SELECT approved_by FROM repayment_plan WHERE id = ?", String.class, planId))
            .isEqualTo("manager1");

        confirmation.written(planId);
        runJobs();
        LocalDate firstDue = today().plusDays(10);
        installmentChecked(pi, firstDue);
        assertThat(plans.activePlanCoverage(loanNo, firstDue.plusDays(5))).hasValueSatisfying(c ->
            assertThat(c.honored()).isFalse());
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'PLAN_MISSED'",
            loanNo)).isEqualTo(1);
        complete(singleTask(pi, "Task_FollowUpMissedInstallment"), Map.of(KEEP_PLAN, true));

        installmentChecked(pi, firstDue.plusMonths(1));
        org.camunda.bpm.engine.task.Task secondFollowUp = singleTask(pi, "Task_FollowUpMissedInstallment");
        assertThat(taskService.getVariable(secondFollowUp.getId(), KEEP_PLAN))
            .as("the next follow-up opens unticked, not with the last follow-up's choice").isNull();
        complete(secondFollowUp, Map.of(KEEP_PLAN, false));

        assertThat(pi).hasPassed("EndEvent_InstallmentFollowedUp", "EndEvent_PlanBrokenError", "Task_BreakPlan",
            "EndEvent_PlanBroken").isEnded();
        assertThat(status(planId)).isEqualTo("BROKEN");
        record(pi);
    }

    @Test
    void aRejectedProposalComesBackToTheCollectorWhoProposedItStillInTheGroupQueue() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        org.camunda.bpm.engine.task.Task first = singleTask(pi, "Task_ProposePlan");
        assertThat(first.getAssignee()).as("the collector who asked for the plan").isEqualTo("collector1");

        // a colleague takes the proposal over and gets a field wrong
        taskService.setAssignee(first.getId(), "collector3");
        complete(first, firstDueYesterday(proposal(3, 3000, 200, "ELECTRONIC")));

        org.camunda.bpm.engine.task.Task corrected = singleTask(pi, "Task_ProposePlan");
        assertThat(corrected.getId()).isNotEqualTo(first.getId());
        assertThat(corrected.getAssignee()).as("back to who proposed it").isEqualTo("collector3");
        assertThat(taskService.createTaskQuery().taskId(corrected.getId()).taskCandidateGroup("collectors-l1")
            .includeAssignedTasks().count()).as("still in the First line queue").isOne();
        assertThat((String) taskService.getVariable(corrected.getId(), "planProblems")).contains("firstDueOn");

        complete(corrected, proposal(3, 3000, 200, "ELECTRONIC"));
        assertThat(jdbc.queryForObject("SELECT collector FROM repayment_plan WHERE id = ?", String.class,
            ((Number) variable(pi, PLAN_ID)).longValue())).isEqualTo("collector3");
    }

    @Test
    void aPlanStartedWithoutACollectorWaitsUnassignedInTheGroupQueue() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(RepaymentPlanProcess.PROCESS_KEY, loanNo,
            Map.of(LOAN_NO, loanNo, "candidateGroup", "collectors-l1"));
        runJobs();

        org.camunda.bpm.engine.task.Task proposal = singleTask(pi, "Task_ProposePlan");
        assertThat(proposal.getAssignee()).isNull();
        assertThat(pi).task("Task_ProposePlan").hasCandidateGroup("collectors-l1");
    }

    /**
     * D1: the plan's follow-ups go to the plan's collector (who proposed it: here a colleague who took the proposal
     * over), as the proposal did, and stay in the group's queue so another collector can take them over.
     */
    @Test
    void theMissedInstallmentAndTheMonthlyReviewGoToThePlansCollectorStillInTheGroupQueue() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        org.camunda.bpm.engine.task.Task proposal = singleTask(pi, "Task_ProposePlan");
        taskService.setAssignee(proposal.getId(), "collector3");
        complete(proposal, proposal(3, 3000, 200, "ELECTRONIC"));
        confirmation.byToken(token(pi));
        runJobs();

        fireTimer(pi, "Boundary_MonthlyReview");
        assertPlanCollectorsTask(pi, "Task_ReviewPlan", "collector3");
        complete(singleTask(pi, "Task_ReviewPlan"), Map.of("planReviewNotes", "on track"));

        installmentChecked(pi, today().plusDays(10));
        assertPlanCollectorsTask(pi, "Task_FollowUpMissedInstallment", "collector3");
    }

    @Test
    void followUpsOfAPlanWithoutAKnownCollectorWaitUnassignedInTheGroupQueue() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(RepaymentPlanProcess.PROCESS_KEY, loanNo,
            Map.of(LOAN_NO, loanNo, "candidateGroup", "collectors-l1"));
        runJobs();
        complete(singleTask(pi, "Task_ProposePlan"), proposal(3, 3000, 200, "ELECTRONIC"));
        confirmation.byToken(token(pi));
        runJobs();

        fireTimer(pi, "Boundary_MonthlyReview");
        assertPlanCollectorsTask(pi, "Task_ReviewPlan", null);
        installmentChecked(pi, today().plusDays(10));
        assertPlanCollectorsTask(pi, "Task_FollowUpMissedInstallment", null);
    }

    private void assertPlanCollectorsTask(ProcessInstance pi, String taskKey, String collector) {
        org.camunda.bpm.engine.task.Task task = singleTask(pi, taskKey);
        assertThat(task.getAssignee()).as("%s assigned to the plan's collector", taskKey).isEqualTo(collector);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("collectors-l1")
            .includeAssignedTasks().count()).as("%s still in the First line queue", taskKey).isOne();
    }

    @Test
    void managerRejectsPlan() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        complete(singleTask(pi, "Task_ProposePlan"), proposal(2, 1000, 300, "WRITTEN"));
        org.camunda.bpm.engine.task.Task approval = singleTask(pi, "Task_ApprovePlan");

        // refused, the task stays open: nobody known to decide, no decision, the proposing collector deciding
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(PLAN_APPROVED, false)))
            .isInstanceOf(AuthorizationException.class).hasMessageContaining("claim the task before deciding");
        taskService.setAssignee(approval.getId(), "collector1");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(PLAN_APPROVED, "no")))
            .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("planApproved: ");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(PLAN_APPROVED, false)))
            .isInstanceOf(AuthorizationException.class).hasMessageContaining("collector1 proposed this plan");
        assertThat(pi).isWaitingAt("Task_ApprovePlan");

        completeAs("manager1", approval, Map.of(PLAN_APPROVED, false));
        assertThat(pi).hasPassed("EndEvent_PlanRejected").isEnded();
        assertThat(status(((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(PLAN_ID).singleResult().getValue()).longValue())).isEqualTo("REJECTED");
        record(pi);
    }

    @Test
    void unconfirmedPlanExpiresAndItsLinkNoLongerWorks() {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        complete(singleTask(pi, "Task_ProposePlan"), proposal(3, 3000, 200, "ELECTRONIC"));
        String token = token(pi);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(8 * 86_400)));
        fireTimer(pi, "Timer_ConfirmationExpired");
        assertThat(pi).hasPassed("Task_ExpirePlan", "EndEvent_PlanExpired").isEnded();
        assertThatThrownBy(() -> confirmation.byToken(token)).isInstanceOf(PlanTokenException.class)
            .hasMessageContaining("expired");
        assertThatThrownBy(() -> confirmation.byToken("no-such-token")).isInstanceOf(PlanTokenException.class)
            .hasMessageContaining("unknown");
        record(pi);
    }

    @Test
    void aConfirmationThatMeetsAConcurrentChangeOfThePlanProcessIsTriedAgain() throws Exception {
        String loanNo = fixtures.loan(20, today());
        ProcessInstance pi = start(loanNo);
        complete(singleTask(pi, "Task_ProposePlan"), proposal(3, 3000, 200, "ELECTRONIC"));
        String token = token(pi);

        // the race is real: without the retry the confirmation is refused and nothing of it is kept
        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi.getId(), RACE)) {
            assertThatThrownBy(() -> confirmation.byToken(token)).isInstanceOf(OptimisticLockingException.class);
        }
        assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");

        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi.getId(), RACE)) {
            assertThat(planApi.confirm(token)).containsEntry("status", "CONFIRMED");
        }
        runJobs();
        assertThat(pi).hasPassed("Task_ActivatePlan").isWaitingAt("Timer_InstallmentDue");
        assertThatThrownBy(() -> confirmation.byToken(token)).isInstanceOf(PlanTokenException.class)
            .hasMessageContaining("already used");
    }

    private ProcessInstance start(String loanNo) {
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(RepaymentPlanProcess.PROCESS_KEY, loanNo,
            Map.of(LOAN_NO, loanNo, "candidateGroup", "collectors-l1", "collector", "collector1"));
        runJobs();
        return pi;
    }

    private Map<String, Object> proposal(long installments, double income, double debts, String confirmation) {
        Map<String, Object> form = new HashMap<>();
        form.put(INSTALLMENT_COUNT, installments);
        form.put(DECLARED_INCOME, income);
        form.put(OTHER_DEBTS, debts);
        form.put(FIRST_DUE_ON, today().plusDays(10).toString());
        form.put(PLAN_CONFIRMATION, confirmation);
        form.put(OVERDUE_REASON, "CASH_FLOW");
        return form;
    }

    /** A first installment in the past: the form has no rule against it, the plan rules refuse it. */
    private Map<String, Object> firstDueYesterday(Map<String, Object> proposal) {
        proposal.put(FIRST_DUE_ON, today().minusDays(1).toString());
        return proposal;
    }

    private String token(ProcessInstance pi) {
        String link = (String) variable(pi, CONFIRMATION_LINK);
        assertThat(link).startsWith("/api/plans/confirm/");
        return link.substring("/api/plans/confirm/".length());
    }

    /** Moves the clock past the installment's due date + grace and fires its check. */
    private void installmentChecked(ProcessInstance pi, LocalDate dueOn) {
        ClockUtil.setCurrentTime(Date.from(dueOn.plusDays(4).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        fireTimer(pi, "Timer_InstallmentDue");
    }

    private String status(long planId) {
        return jdbc.queryForObject("SELECT status FROM repayment_plan WHERE id = ?", String.class, planId);
    }

    private void record(ProcessInstance pi) {
        historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
            .map(HistoricActivityInstance::getActivityId).forEach(COVERED::add);
        if (allFlowNodes == null) {
            allFlowNodes = repositoryService.getBpmnModelInstance(pi.getProcessDefinitionId())
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
        }
    }

    @AfterAll
    static void atLeastNinetyPercentOfTheFlowNodesAreCovered() {
        Set<String> missing = new HashSet<>(allFlowNodes);
        missing.removeAll(COVERED);
        double coverage = 1.0 - (double) missing.size() / allFlowNodes.size();
        assertThat(coverage).as("flow-node coverage of repayment-plan, missing %s", missing).isGreaterThanOrEqualTo(0.9);
    }
}
