package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.legal.process.WriteOffVars;

/** write-off-approval.bpmn: eligibility, dossier, approval level and the four-eyes rule. */
class WriteOffApprovalProcessTest extends CaseProcessTestSupport {

    private static final String FIRST = "Task_FirstApproval";
    private static final String SECOND = "Task_SecondApproval";

    @Autowired IdentityService identityService;

    @AfterEach
    void logout() {
        identityService.clearAuthentication();
        for (String user : List.of("wo-manager1", "wo-manager2", "wo-manager3")) {
            identityService.deleteUser(user);
        }
    }

    private ProcessInstance request(String loanNo, String requester, String declared) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.LOAN_NO, loanNo);
        vars.put(Vars.DPD, 1200);
        vars.put(Vars.OVERDUE_AMOUNT, 3000.0);
        vars.put(WriteOffVars.REQUESTED_BY, requester);
        if (declared != null) {
            vars.put(WriteOffVars.DECLARED_GROUNDS, declared);
        }
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("write-off-approval", loanNo, vars);
        runJobs();
        return pi;
    }

    private void decide(ProcessInstance pi, String taskKey, String user, String decision, String comment) {
        identityService.setAuthentication(user, List.of("managers"));
        try {
            Map<String, Object> vars = new HashMap<>();
            vars.put(WriteOffVars.DECISION, decision);
            vars.put(WriteOffVars.COMMENT, comment);
            complete(singleTask(pi, taskKey), vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Leaves {@code balance} owed on the loan (first installment only). */
    private void owe(String loanNo, String balance) {
        jdbc.update("UPDATE installment SET principal_paid = principal_due, interest_paid = interest_due, "
            + "penalty_paid = penalty_due WHERE loan_no = ? AND seq > 1", loanNo);
        jdbc.update("UPDATE installment SET principal_due = ?, interest_due = 0, penalty_due = 0 WHERE loan_no = ? AND seq = 1",
            new java.math.BigDecimal(balance), loanNo);
    }

    @Test
    void theApprovalShowsTheLoansStandingWhoeverStartsIt() {
        String onlyLoanNo = fixtures.loan(1200, today());
        jdbc.update("UPDATE loan SET bucket = 'DPD_360_PLUS', overdue_amount = 4321.50 WHERE loan_no = ?", onlyLoanNo);
        ProcessInstance bare = runtimeService.startProcessInstanceByKey("write-off-approval", onlyLoanNo,
            Map.of(Vars.LOAN_NO, onlyLoanNo, WriteOffVars.REQUESTED_BY, "legal1"));
        runJobs();
        assertThat(bare).isWaitingAt(FIRST);
        assertThat(variable(bare, Vars.DPD)).as("read from the loan book").isEqualTo(1200);
        assertThat(variable(bare, Vars.BUCKET)).isEqualTo("DPD_360_PLUS");
        assertThat(variable(bare, Vars.OVERDUE_AMOUNT)).isEqualTo(4321.5);

        String fromCase = fixtures.loan(1200, today());
        ProcessInstance pi = request(fromCase, "collector2", null);
        assertThat(pi).isWaitingAt(FIRST);
        assertThat(variable(pi, Vars.DPD)).as("what the case passed is kept").isEqualTo(1200);
        assertThat(variable(pi, Vars.OVERDUE_AMOUNT)).isEqualTo(3000.0);
        assertThat(variable(pi, Vars.BUCKET)).as("what the case left out is read").isEqualTo("DPD_1_29");
    }

    @Test
    void loanWithoutAnyGroundIsNotEligible() {
        String loanNo = fixtures.loan(100, today());
        ProcessInstance pi = request(loanNo, "collector2", null);

        assertThat(pi).hasPassed("EndEvent_NotEligible").isEnded();
        assertThat(historicVariable(pi, WriteOffVars.APPROVED)).isEqualTo(false);
        assertThat(historicVariable(pi, WriteOffVars.REJECTION_REASON)).isEqualTo("no write-off ground met");
    }

    @Test
    void smallBalancePastLimitationNeedsOneApproverAndIsBooked() {
        String loanNo = fixtures.loan(1200, today());
        owe(loanNo, "1200.00");
        ProcessInstance pi = request(loanNo, "collector2", null);

        assertThat(pi).isWaitingAt(FIRST).task().hasCandidateGroup("managers");
        assertThat(variable(pi, WriteOffVars.GROUNDS)).isEqualTo("LIMITATION_EXPIRED");
        assertThat(variable(pi, WriteOffVars.APPROVALS_REQUIRED)).isEqualTo(1);
        assertThat((String) variable(pi, WriteOffVars.DOSSIER)).contains("Loan " + loanNo, "Schedule:", "#1 due",
            "Payments:", "Contact history:");

        decide(pi, FIRST, "manager1", "APPROVE", null);

        assertThat(pi).hasPassed("Gateway_SecondApprovalNeeded", "Task_WriteOffLoan", "EndEvent_WrittenOff").isEnded();
        assertThat(historicVariable(pi, WriteOffVars.APPROVED)).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("WRITTEN_OFF");
        assertThat(fixtures.count("SELECT COUNT(*) FROM accounting_event WHERE loan_no = ? AND event_type = 'WRITE_OFF' "
            + "AND amount = 1200.00", loanNo)).isEqualTo(1);
    }

    @Test
    void fourEyesRefusesTheRequesterAndTheSameApproverTwice() {
        String loanNo = fixtures.loan(1200, today());
        ProcessInstance pi = request(loanNo, "manager9", null);
        assertThat(variable(pi, WriteOffVars.APPROVALS_REQUIRED)).isEqualTo(2);

        assertThatThrownBy(() -> decide(pi, FIRST, "manager9", "APPROVE", null))
            .as("who may not decide: an authorization failure (REST: 403)").isInstanceOf(AuthorizationException.class)
            .hasMessageContaining("manager9 requested this write-off and may not approve it");
        decide(pi, FIRST, "manager1", "APPROVE", null);
        assertThat(pi).isWaitingAt(SECOND);

        assertThatThrownBy(() -> decide(pi, SECOND, "manager1", "APPROVE", null))
            .hasMessageContaining("manager1 has already decided");
        assertThatThrownBy(() -> decide(pi, SECOND, "manager9", "APPROVE", null))
            .hasMessageContaining("may not approve");
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("ACTIVE");

        decide(pi, SECOND, "manager2", "APPROVE", null);
        assertThat(pi).hasPassed("Gateway_ApprovedJoin", "EndEvent_WrittenOff").isEnded();
        assertThat(jdbc.queryForList("SELECT approver FROM write_off_approval a JOIN write_off_request r "
            + "ON r.id = a.request_id WHERE r.loan_no = ? ORDER BY approver", String.class, loanNo))
            .containsExactly("manager1", "manager2");
    }

    /**
     * The second approval uses the first's form: it opens empty, so the first approver's decision and comment do not
     * stand in for the second approver's (a completion without a decision was an approval).
     */
    @Test
    void theSecondApproverDecidesAfreshTheFirstDecisionIsNotPrefilled() {
        String loanNo = fixtures.loan(1200, today());
        ProcessInstance pi = request(loanNo, "collector2", null);
        decide(pi, FIRST, "manager1", "APPROVE", "limitation expired, nothing to recover");
        Task second = singleTask(pi, SECOND);
        assertThat(taskService.getVariable(second.getId(), WriteOffVars.DECISION)).isNull();
        assertThat(taskService.getVariable(second.getId(), WriteOffVars.COMMENT)).isNull();

        identityService.setAuthentication("manager2", List.of("managers"));
        try {
            assertThatThrownBy(() -> taskService.complete(second.getId()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("writeOffDecision");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(pi).isWaitingAt(SECOND);
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("ACTIVE");
    }

    @Test
    void secondApproverRejectsWithReasonAndTheCaseGoesBackToCollection() {
        String loanNo = fixtures.loan(1200, today());
        ProcessInstance pi = request(loanNo, "collector2", null);
        decide(pi, FIRST, "manager1", "APPROVE", null);

        assertThatThrownBy(() -> decide(pi, SECOND, "manager2", "REJECT", " "))
            .isInstanceOf(FormFieldValidationException.class).hasMessage("writeOffComment: a rejection needs a reason");
        decide(pi, SECOND, "manager2", "REJECT", "borrower found new employment");

        assertThat(pi).hasPassed("Gateway_RejectedJoin", "Task_RecordRejection", "EndEvent_WriteOffRejected").isEnded();
        assertThat(historicVariable(pi, WriteOffVars.APPROVED)).isEqualTo(false);
        assertThat(historicVariable(pi, WriteOffVars.REJECTION_REASON)).isEqualTo("borrower found new employment");
        assertThat(jdbc.queryForObject("SELECT status FROM write_off_request WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("ACTIVE");
    }

    @Test
    void firstApproverRejects() {
        String loanNo = fixtures.loan(100, today());
        ProcessInstance pi = request(loanNo, "legal1", "CONFIRMED_UNRECOVERABLE");
        assertThat(variable(pi, WriteOffVars.GROUNDS)).isEqualTo("CONFIRMED_UNRECOVERABLE");

        assertThatThrownBy(() -> decide(pi, FIRST, "manager1", "MAYBE", "x"))
            .as("the approval's own check first, refused as a form validation (REST: 400)")
            .isInstanceOf(FormFieldValidationException.class).hasMessage("writeOffDecision: choose APPROVE or REJECT");
        decide(pi, FIRST, "manager1", "REJECT", "collateral not yet sold");

        assertThat(pi).hasPassed("Task_RecordRejection").isEnded();
        assertThat(historicVariable(pi, WriteOffVars.REJECTION_REASON)).isEqualTo("collateral not yet sold");
    }

    @Test
    void approvalTaskIsOfferedToGroupMembersExceptTheRequesterAndTheFirstApprover() {
        if (identityService.createGroupQuery().groupId("managers").count() == 0) {
            identityService.saveGroup(identityService.newGroup("managers"));
        }
        for (String user : List.of("wo-manager1", "wo-manager2", "wo-manager3")) {
            identityService.saveUser(identityService.newUser(user));
            identityService.createMembership(user, "managers");
        }
        String loanNo = fixtures.loan(1200, today());
        ProcessInstance pi = request(loanNo, "wo-manager1", null);

        assertThat(candidateUsers(singleTask(pi, FIRST))).containsExactlyInAnyOrder("wo-manager2", "wo-manager3");
        decide(pi, FIRST, "wo-manager2", "APPROVE", null);
        assertThat(candidateUsers(singleTask(pi, SECOND))).containsExactly("wo-manager3");
    }

    @Test
    void repeatedFailuresAndDeceasedWithoutEstateAreGrounds() {
        String loanNo = fixtures.loan(100, today());
        String borrowerId = "B-" + loanNo;
        for (int i = 0; i < 6; i++) {
            jdbc.update("""
                INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                    recorded_at) VALUES (CURRENT_TIMESTAMP, ?, ?, 'call', 'NO_ANSWER', 'collector1', 'COLLECTOR',
                    CURRENT_TIMESTAMP)""", loanNo, borrowerId);
        }
        jdbc.update("INSERT INTO borrower_flag (borrower_id, flag, reason, set_by, set_at) "
            + "VALUES (?, 'DECEASED', 'death certificate', 'legal1', CURRENT_TIMESTAMP)", borrowerId);

        ProcessInstance pi = request(loanNo, "legal1", "DECEASED_NO_ESTATE");

        assertThat(variable(pi, WriteOffVars.GROUNDS)).isEqualTo("REPEATEDLY_UNCOLLECTABLE,DECEASED_NO_ESTATE");
        assertThat((String) variable(pi, WriteOffVars.DOSSIER)).contains("call NO_ANSWER by collector collector1");
    }

    private List<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null)
            .map(IdentityLink::getUserId).toList();
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
            .singleResult().getValue();
    }
}
