package io.collectflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.agency.Placement;
import io.collectflow.agency.PlacementService;
import io.collectflow.agency.process.AgencyVars;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.legal.process.DeathReports;
import io.collectflow.legal.process.LostContactStarts;

/**
 * collection-case.bpmn when something outside the case happens: the borrower's death stops it (C6), a lost
 * contact is recorded beside it (C5); and the 30-DPD reminders meet at their join in the case's own job.
 */
class CaseInterruptionProcessTest extends CaseProcessTestSupport {

    @Autowired CaseLifecycle lifecycle;
    @Autowired CaseRegistry registry;
    @Autowired DeathReports deathReports;
    @Autowired LostContactStarts lostContactStarts;
    @Autowired PlacementService placements;
    @Autowired AuthorizationService authorizationService;

    /** Opens the case as the scan does: case row plus process instance. */
    private ProcessInstance openCase(String loanNo, int dpd) {
        String id = lifecycle.open(new CaseWork(loanNo, dpd, bucket(dpd), new BigDecimal("1050.00"), null, null), today());
        runJobs();
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    @ParameterizedTest
    @CsvSource({"10, Task_CallBorrower", "100, Task_VisitBorrower", "200, Task_ApprovePlacement"})
    void deathReportStopsTheCaseInAnyStageAndRecordsTheOutcome(int dpd, String openTask) {
        String loanNo = fixtures.loan(dpd, today());
        ProcessInstance pi = openCase(loanNo, dpd);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(loanNo).taskDefinitionKey(openTask).count())
            .isOne();

        DeathReports.Outcome outcome = deathReports.report(loanNo, "death certificate 2026-9", "legal1");
        runJobs();

        assertThat(outcome.casesStopped()).isOne();
        assertThat(outcome.duplicate()).isFalse();
        assertThat(pi).hasPassed(Elements.STOP_COLLECTION, Elements.COLLECTION_STOPPED).isEnded();
        // every collector task, timer and later-stage process of the case is gone; the estate check is open
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(loanNo).list())
            .extracting(t -> t.getTaskDefinitionKey()).containsExactly("Task_CheckEstate");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        // called processes of the case (agency placement, ...) ended with it: only the deceased process runs
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(loanNo).list())
            .extracting(p -> p.getProcessDefinitionId().split(":")[0]).containsExactly(DeathReports.PROCESS_KEY);
        assertThat(caseRow(loanNo)).isEqualTo("CLOSED/DECEASED/-");
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'DECEASED'", loanNo))
            .isOne();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(Vars.CASE_OUTCOME).singleResult().getValue()).isEqualTo("DECEASED");
        // the next scan does not open a new case for the deceased borrower's loan
        assertThat(registry.loansNeedingCase()).extracting(CaseWork::loanNo).doesNotContain(loanNo);
    }

    @Test
    void deathStopsEveryCaseOfTheBorrowerOnceAndARepeatedReportIsADuplicate() {
        String loanNo = fixtures.loan(10, today());
        String borrowerId = "B-" + loanNo;
        String secondLoan = secondLoanOf(borrowerId, loanNo);
        ProcessInstance first = openCase(loanNo, 10);
        ProcessInstance second = openCase(secondLoan, 10);
        String skipTrace = lostContactStarts.start(secondLoan, "manager1").processInstanceId();

        DeathReports.Outcome outcome = deathReports.report(loanNo, "death certificate 2026-10", "collector1");
        runJobs();
        assertThat(outcome.casesStopped()).isEqualTo(2);
        assertThat(first).isEnded();
        assertThat(second).isEnded();
        assertThat(jdbc.queryForObject("SELECT outcome FROM collection_case WHERE loan_no = ?", String.class, secondLoan))
            .isEqualTo("DECEASED");
        // the skip trace of the other loan ended too, and freed its guard
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(skipTrace).count()).isZero();
        assertThat(fixtures.count("SELECT COUNT(*) FROM lost_contact_case WHERE loan_no = ? AND active_loan_no IS NULL"
            + " AND ended_at IS NOT NULL", secondLoan)).isOne();

        DeathReports.Outcome again = deathReports.report(loanNo, "death certificate 2026-10", "collector1");
        assertThat(again.duplicate()).isTrue();
        assertThat(again.casesStopped()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(DeathReports.PROCESS_KEY)
            .processInstanceBusinessKey(loanNo).count()).isOne();
    }

    @Test
    void caseEndedOtherwiseKeepsItsOutcomeOnTheCaseRow() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = openCase(loanNo, 10);
        arrearsCleared(loanNo);
        assertThat(pi).isEnded();
        assertThat(caseRow(loanNo)).isEqualTo("CLOSED/CURED/-");
    }

    @Test
    void aCaseCuredWhileWithAnAgencyWithdrawsThePlacementAndTheAgencysAccess() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = openCase(loanNo, 200);
        complete(taskService.createTaskQuery().processInstanceBusinessKey(loanNo).taskDefinitionKey("Task_ApprovePlacement")
            .singleResult(), Map.of(Vars.PLACEMENT_APPROVED, true, "placementScope", "phone"));
        Placement placement = placements.activePlacement(loanNo).orElseThrow();
        String agencyGroup = "agency-" + placement.agencyCode();
        assertThat(agencyGrants(agencyGroup, pi.getId())).as("the agency reads the case while placed").isOne();

        arrearsCleared(loanNo);

        assertThat(pi).isEnded();
        assertThat(placements.find(placement.id()).status()).isEqualTo(AgencyVars.WITHDRAWN);
        assertThat(placements.activePlacement(loanNo)).as("the loan can be placed again").isEmpty();
        assertThat(agencyGrants(agencyGroup, pi.getId())).as("no access left to the case").isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(agencyGroup).count()).isZero();
    }

    private long agencyGrants(String group, String resourceId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceId(resourceId).count();
    }

    @Test
    void lostContactIsRecordedOnTheRunningCaseWhichGoesOn() {
        String loanNo = fixtures.loan(120, today());
        ProcessInstance pi = openCase(loanNo, 120);

        LostContactStarts.Started started = lostContactStarts.start(loanNo, "manager1");
        runJobs();

        assertThat(started.duplicate()).isFalse();
        assertThat(pi).hasPassed(Elements.RECORD_LOST_CONTACT, "EndEvent_LostContactRecorded")
            .isWaitingAt(Elements.VISIT_BORROWER);
        assertThat(variable(pi, Vars.LOST_CONTACT)).isEqualTo(true);
        assertThat(fixtures.count("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = 'LOST_CONTACT'",
            loanNo)).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId())
            .singleResult().getBusinessKey()).isEqualTo(loanNo);
    }

    @Test
    void theSmsAndEmailRemindersMeetAtTheJoinInAJobOfTheCaseNotInTheReminderTransaction() {
        String loanNo = fixtures.loan(35, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(CollectionCase.PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 35, Vars.BUCKET, bucket(35), Vars.OVERDUE_AMOUNT, 1050.0));

        // run the case's jobs until both reminders have been sent (each in its own job, as on a cluster)
        for (int round = 0; round < 50 && !(passed(pi, "CallActivity_SmsReminder") && passed(pi, "CallActivity_EmailReminder"));
             round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).messages().executable().list();
            managementService.executeJob(jobs.stream().filter(j -> !isAsyncAfter(j)).findFirst().orElseThrow().getId());
        }

        // the reminders' transactions ended at their call activities: the join has not run yet
        assertThat(passed(pi, "Gateway_RemindersJoin")).isFalse();
        List<Job> continuations = managementService.createJobQuery().processInstanceId(pi.getId()).messages().list()
            .stream().filter(this::isAsyncAfter).toList();
        assertThat(continuations).extracting(job -> definition(job).getActivityId())
            .containsExactlyInAnyOrder("CallActivity_SmsReminder", "CallActivity_EmailReminder");
        runJobs();
        assertThat(pi).hasPassed("Gateway_RemindersJoin", "EndEvent_RemindersSent");
    }

    /** status/outcome/active_loan_no of the loan's case row ("-" for NULL). */
    private String caseRow(String loanNo) {
        return jdbc.queryForObject("""
            SELECT status || '/' || COALESCE(outcome, '-') || '/' || COALESCE(active_loan_no, '-')
              FROM collection_case WHERE loan_no = ?""", String.class, loanNo);
    }

    private boolean passed(ProcessInstance pi, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId)
            .finished().count() > 0;
    }

    private boolean isAsyncAfter(Job job) {
        JobDefinition definition = definition(job);
        return definition != null && "async-after".equals(definition.getJobConfiguration());
    }

    private JobDefinition definition(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    }

    private String secondLoanOf(String borrowerId, String template) {
        String loanNo = template + "-2";
        jdbc.update("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                              disbursed_on, first_due_on, status, dpd, bucket, overdue_amount, created_at)
            SELECT ?, borrower_id, product, principal, annual_rate, penalty_rate, term_months, disbursed_on,
                   first_due_on, status, dpd, bucket, overdue_amount, created_at FROM loan WHERE loan_no = ?""",
            loanNo, template);
        jdbc.update("""
            INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due, penalty_due)
            SELECT ?, seq, due_on, principal_due, interest_due, penalty_due FROM installment WHERE loan_no = ?""",
            loanNo, template);
        assertThat(jdbc.queryForObject("SELECT borrower_id FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo(borrowerId);
        return loanNo;
    }
}
