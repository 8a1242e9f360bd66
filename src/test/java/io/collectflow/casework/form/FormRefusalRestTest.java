package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.agency.process.AgencyVars;
import io.collectflow.arrangement.plan.process.RepaymentPlanProcess;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * What Tasklist and other clients of {@code /engine-rest} get when a completion or a form submission is refused: 400
 * with a message naming the fields by label (the form's rules) or the report check's own words, never 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormRefusalRestTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private ResponseEntity<String> post(String user, String path, Map<String, Object> variables) {
        // tests name their engines uniquely: the REST API reaches it under /engine-rest/engine/{name}
        return anonymous.withBasicAuth(user, user).postForEntity("/engine-rest/engine/" + engine.getName() + path,
            Map.of("variables", variables), String.class);
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private Task openTask(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** A legal action for the loan, waiting at Send lawyer letter. */
    private ProcessInstance lawyerLetterToSend(String loanNo) {
        ProcessInstance pi = runtime.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 3000.0));
        Jobs.runAll(management);
        return pi;
    }

    @Test
    void aLawyerLetterWithoutTrackingNumberIsAnsweredWith400NamingTheFieldByLabel() {
        String loanNo = new CaseFixtures(jdbc).loan(400, LocalDate.now());
        ProcessInstance pi = lawyerLetterToSend(loanNo);
        Task send = openTask(pi, "Task_SendLawyerLetter");
        assertThat(send).isNotNull();

        for (String action : new String[] {"complete", "submit-form"}) {
            ResponseEntity<String> refused = post("legal1", "/task/" + send.getId() + "/" + action,
                Map.of("letterTracking", string("")));
            assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(action)
                .contains("Please correct: Registered-mail tracking number is required");
        }
        assertThat(openTask(pi, "Task_SendLawyerLetter")).isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "letterTracking")).isNull();

        ResponseEntity<String> done = post("legal1", "/task/" + send.getId() + "/submit-form",
            Map.of("letterTracking", string("EMS123")));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /**
     * A number field sent as text (a script, a form set to output numbers as strings): a clean number is stored as a
     * number before the letter's listener reads it, anything else is refused with 400 naming the field — never 500.
     */
    @Test
    void aLetterNumberSentAsTextIsTakenWhenNumericAndRefusedWith400Otherwise() {
        String loanNo = new CaseFixtures(jdbc).loan(400, LocalDate.now());
        ProcessInstance pi = lawyerLetterToSend(loanNo);
        Task send = openTask(pi, "Task_SendLawyerLetter");
        Object letterId = runtime.getVariable(pi.getId(), "lawyerLetterId");

        for (String action : new String[] {"complete", "submit-form"}) {
            ResponseEntity<String> refused = post("legal1", "/task/" + send.getId() + "/" + action,
                Map.of("letterTracking", string("EMS123"), "lawyerLetterId", string("L-" + letterId)));
            assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(action).contains("Please correct: Letter number must be a number")
                .doesNotContain("ENGINE-");
        }
        assertThat(openTask(pi, "Task_SendLawyerLetter")).isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "lawyerLetterId")).isEqualTo(letterId);
        assertThat(runtime.getVariable(pi.getId(), "letterTracking")).isNull();

        ResponseEntity<String> done = post("legal1", "/task/" + send.getId() + "/submit-form",
            Map.of("letterTracking", string("EMS123"), "lawyerLetterId", string(" " + letterId + " ")));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND details LIKE ?",
            Integer.class, loanNo, "lawyer letter " + letterId + " sent%")).isEqualTo(1);
    }

    /**
     * A plan proposed with its numbers as texts ("2", " 1000.50 "): stored as numbers, so the assessment that follows
     * the task (an asynchronous step) reads them instead of failing into an incident.
     */
    @Test
    void aPlanProposedWithNumbersAsTextIsAssessedWithThoseNumbers() {
        String loanNo = new CaseFixtures(jdbc).loan(20, LocalDate.now());
        ProcessInstance pi = runtime.startProcessInstanceByKey(RepaymentPlanProcess.PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, "candidateGroup", "collectors-l1", "collector", "collector1"));
        Jobs.runAll(management);
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("installmentCount", string("2"));
        proposal.put("declaredIncome", string(" 1000.50 "));
        proposal.put("otherDebts", string("300"));
        proposal.put("planTotalAmount", string(""));
        proposal.put("firstDueOn", string(LocalDate.now().plusDays(10).toString()));
        proposal.put("planConfirmation", string("WRITTEN"));
        proposal.put("overdueReason", string("CASH_FLOW"));

        ResponseEntity<String> done = post("collector1",
            "/task/" + openTask(pi, "Task_ProposePlan").getId() + "/submit-form", proposal);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Jobs.runAll(management);

        assertThat(openTask(pi, "Task_ApprovePlan")).isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "installmentCount")).isEqualTo(2L);
        assertThat(runtime.getVariable(pi.getId(), "declaredIncome")).isEqualTo(1000.5);
        assertThat(runtime.getVariable(pi.getId(), "planTotalAmount")).isNull();
        assertThat(runtime.getVariable(pi.getId(), "maxAffordable")).isEqualTo(100.2);
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    /** Tasklist always sends the box; a client that leaves it out gets 400 naming it, and the task stays open. */
    @Test
    void aPlacementApprovalWithoutItsBoxIsAnswered400NamingTheBox() {
        String loanNo = new CaseFixtures(jdbc).loan(200, LocalDate.now());
        ProcessInstance pi = runtime.startProcessInstanceByKey("agency-placement", loanNo, Map.of(Vars.LOAN_NO, loanNo,
            Vars.DPD, 200, Vars.OVERDUE_AMOUNT, 1050.0, AgencyVars.CHALLENGER_DRAW, 50));
        Jobs.runAll(management);
        Task approve = openTask(pi, "Task_ApprovePlacement");

        for (String action : new String[] {"complete", "submit-form"}) {
            ResponseEntity<String> refused = post("manager1", "/task/" + approve.getId() + "/" + action,
                Map.of(AgencyVars.PLACEMENT_SCOPE, string("phone only")));
            assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(action)
                .contains("Please correct: placementApproved: tick or untick the box (true or false)")
                .doesNotContain("ENGINE-");
        }
        assertThat(openTask(pi, "Task_ApprovePlacement")).isNotNull();
        assertThat(runtime.getVariable(pi.getId(), AgencyVars.PLACEMENT_SCOPE)).isNull();
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void theCallReportsOwnCheckIsAnswered400WithItsMessage() {
        String loanNo = new CaseFixtures(jdbc).loan(10, LocalDate.now());
        ProcessInstance pi = runtime.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo, Map.of(
            Vars.LOAN_NO, loanNo, Vars.DPD, 10, Vars.BUCKET, "DPD_1_29", Vars.OVERDUE_AMOUNT, 1050.0));
        Jobs.runAll(management);
        Task call = openTask(pi, Elements.CALL_BORROWER);

        ResponseEntity<String> refused = post("collector1", "/task/" + call.getId() + "/complete",
            Map.of(Vars.REACHED, Map.of("value", true, "type", "Boolean"), Vars.CALL_OUTCOME, string("PROMISE_TO_PAY")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Please correct: promiseDate: a promise needs a date from today on")
            .doesNotContain("ENGINE-");
        assertThat(openTask(pi, Elements.CALL_BORROWER)).isNotNull();
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aHotlineComplaintStartedWithAnInvalidFormIsAnswered400() {
        ResponseEntity<String> refused = post("complaints1", "/process-definition/key/complaint/submit-form",
            Map.of("complainantName", string("Zhang San"), "complaintText", string("They called my employer")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Please correct: Phone (for our answer) is required");
    }

    /** A plan outside policy (1,000 × 0.4 − 300 = 100 affordable, 525 asked) proposed by {@code collector}. */
    private ProcessInstance planAwaitingApproval(String collector) {
        String loanNo = new CaseFixtures(jdbc).loan(20, LocalDate.now());
        ProcessInstance pi = runtime.startProcessInstanceByKey(RepaymentPlanProcess.PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, "candidateGroup", "collectors-l1", "collector", collector));
        Jobs.runAll(management);
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("installmentCount", 2L);
        proposal.put("declaredIncome", 1000.0);
        proposal.put("otherDebts", 300.0);
        proposal.put("firstDueOn", LocalDate.now().plusDays(10).toString());
        proposal.put("planConfirmation", "WRITTEN");
        proposal.put("overdueReason", "CASH_FLOW");
        tasks.complete(openTask(pi, "Task_ProposePlan").getId(), proposal);
        Jobs.runAll(management);
        assertThat(openTask(pi, "Task_ApprovePlan")).isNotNull();
        return pi;
    }

    private String planApprovedBy(ProcessInstance pi) {
        long planId = ((Number) runtime.getVariable(pi.getId(), "planId")).longValue();
        return jdbc.queryForObject("SELECT approved_by FROM repayment_plan WHERE id = ?", String.class, planId);
    }

    @Test
    void aPlanApprovalWithoutDecisionIsAnswered400NamingTheFieldAndTheApproverIsWhoCompletesIt() {
        ProcessInstance pi = planAwaitingApproval("collector1");
        String approve = "/task/" + openTask(pi, "Task_ApprovePlan").getId() + "/complete";

        ResponseEntity<String> refused = post("manager1", approve, Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("planApproved").doesNotContain("ENGINE-");
        assertThat(openTask(pi, "Task_ApprovePlan")).isNotNull();
        assertThat(planApprovedBy(pi)).isNull();

        ResponseEntity<String> done = post("manager1", approve,
            Map.of("planApproved", Map.of("value", true, "type", "Boolean")));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(planApprovedBy(pi)).as("the manager who completed the unclaimed task").isEqualTo("manager1");
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    /**
     * A REST completion may submit the form's fields only: a text planId (the process holds the plan's number) is
     * refused naming it before the approval's listener reads it, the task stays open. What Tasklist submits — every
     * field of the form, the read-only ones shown from the process included — is taken.
     */
    @Test
    void aCompletionSubmittingAVariableTheFormHasNoFieldForIsAnswered400NamingIt() {
        ProcessInstance pi = planAwaitingApproval("collector1");
        Object planId = runtime.getVariable(pi.getId(), "planId");
        String approve = "/task/" + openTask(pi, "Task_ApprovePlan").getId();
        Map<String, Object> yes = Map.of("value", true, "type", "Boolean");

        for (String action : new String[] {"/complete", "/submit-form"}) {
            ResponseEntity<String> refused = post("manager1", approve + action,
                Map.of("planApproved", yes, "planId", string("abc"), "approvedBy", string("someone")));
            assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(action)
                .contains("Please correct: approvedBy: not a field of this form; planId: not a field of this form")
                .doesNotContain("ENGINE-");
        }
        assertThat(openTask(pi, "Task_ApprovePlan")).isNotNull();
        assertThat(runtime.getVariable(pi.getId(), "planId")).isEqualTo(planId);
        assertThat(planApprovedBy(pi)).isNull();

        Map<String, Object> asTasklist = new HashMap<>(Map.of("planApproved", yes));
        for (String shown : new String[] {"installmentAmount", "maxAffordable", "installmentCount", "declaredIncome",
            "otherDebts"}) {
            asTasklist.put(shown, Map.of("value", runtime.getVariable(pi.getId(), shown)));
        }
        ResponseEntity<String> done = post("manager1", approve + "/submit-form", asTasklist);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(planApprovedBy(pi)).isEqualTo("manager1");
        runtime.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void aManagerMayNotDecideOnAPlanTheyProposedAnswered403() {
        ProcessInstance pi = planAwaitingApproval("manager1");
        String approve = "/task/" + openTask(pi, "Task_ApprovePlan").getId() + "/complete";

        ResponseEntity<String> refused = post("manager1", approve,
            Map.of("planApproved", Map.of("value", true, "type", "Boolean")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("manager1 proposed this plan").doesNotContain("ENGINE-");
        assertThat(openTask(pi, "Task_ApprovePlan")).isNotNull();
        assertThat(planApprovedBy(pi)).isNull();
        runtime.deleteProcessInstance(pi.getId(), "test");
    }
}
