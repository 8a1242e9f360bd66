package io.collectflow.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.collectflow.agency.process.AgencyVars;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/** agency-placement.bpmn: selection, qualification, approval, placement, supervision and every way a placement ends. */
class AgencyPlacementProcessTest extends CaseProcessTestSupport {

    @Autowired AuthorizationService authorizationService;
    @Autowired FormService formService;
    @Autowired PlacementService placements;
    @Autowired AgencyAdministration administration;

    private ProcessInstance start(String loanNo, int draw) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.LOAN_NO, loanNo);
        vars.put(Vars.DPD, 200);
        vars.put(Vars.OVERDUE_AMOUNT, 1050.0);
        vars.put(AgencyVars.CHALLENGER_DRAW, draw);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("agency-placement", loanNo, vars);
        runJobs();
        return pi;
    }

    private ProcessInstance placed(String loanNo, int draw) {
        ProcessInstance pi = start(loanNo, draw);
        complete(singleTask(pi, "Task_ApprovePlacement"),
            Map.of(AgencyVars.PLACEMENT_APPROVED, true, AgencyVars.PLACEMENT_SCOPE, "phone and letters"));
        return pi;
    }

    private long grants(String group, String resourceId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceId(resourceId).count();
    }

    @Test
    void championPlacementReturnedByTheAgencyWithCommission() throws Exception {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = placed(loanNo, 50);

        assertThat(pi).hasPassed("Task_SelectAgency", "Task_PlaceWithAgency").isWaitingAt("Task_WorkPlacedCase")
            .task().hasCandidateGroup("agency-acme");
        assertThat(variable(pi, AgencyVars.SELECTION)).isEqualTo("CHAMPION");
        Placement placement = placements.activePlacement(loanNo).orElseThrow();
        assertThat(placement.agencyCode()).isEqualTo("acme");
        assertThat(placement.feePercent()).isEqualByComparingTo("20.00");
        assertThat(placement.scope()).isEqualTo("phone and letters");
        assertThat(java.time.Duration.between(placement.placedAt(), placement.expiresAt()).toDays()).isEqualTo(90);
        assertThat(grants("agency-acme", pi.getId())).isEqualTo(1);

        assertThat(placements.recordRecovery(placement, "AG-" + loanNo, today(), new BigDecimal("500.00"), "agency1"))
            .isEqualByComparingTo("100.00");
        String taskId = singleTask(pi, "Task_WorkPlacedCase").getId();
        complete(singleTask(pi, "Task_WorkPlacedCase"), Map.of("agencyReport", "paid 500, rest refused"));

        assertThat(pi).hasPassed("EndEvent_AgencyReturnedCase", "Task_RecallPlacement").isWaitingAt("Task_ReviewAgencyResult");
        assertThat(variable(pi, AgencyVars.OUTCOME)).isEqualTo("PARTIALLY_RECOVERED");
        assertThat(variable(pi, AgencyVars.COMMISSION)).isEqualTo(100.0);
        assertThat(placements.find(placement.id()).status()).isEqualTo("RETURNED");
        assertThat(grants("agency-acme", pi.getId()) + grants("agency-acme", taskId)).isZero();

        // the reviewing manager reads the agency's hand-back report on the review form
        String review = singleTask(pi, "Task_ReviewAgencyResult").getId();
        assertThat(formService.getTaskFormVariables(review).getValue("agencyReport", String.class))
            .isEqualTo("paid 500, rest refused");
        try (var form = formService.getDeployedTaskForm(review)) {
            assertThat(new ObjectMapper().readTree(form).findValuesAsText("key")).contains("agencyReport");
        }

        complete(singleTask(pi, "Task_ReviewAgencyResult"), Map.of(AgencyVars.OUTCOME, "PARTIALLY_RECOVERED"));
        assertThat(pi).hasPassed("EndEvent_PlacementReturned").isEnded();
    }

    @Test
    void challengerShareGoesToTheChallengerAndExpiryRecallsTheCase() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = placed(loanNo, 5);
        assertThat(variable(pi, AgencyVars.SELECTION)).isEqualTo("CHALLENGER");
        assertThat(singleTask(pi, "Task_WorkPlacedCase")).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("agency-beta").count())
            .isEqualTo(1);

        fireTimer(pi, "Timer_PlacementExpired");

        assertThat(pi).hasPassed("Timer_PlacementExpired", "Task_RecallPlacement").isWaitingAt("Task_ReviewAgencyResult");
        assertThat(variable(pi, AgencyVars.PLACEMENT_END)).isEqualTo("EXPIRED");
        assertThat(variable(pi, AgencyVars.OUTCOME)).isEqualTo("RETURNED_UNPAID");
        assertThat(jdbc.queryForObject("SELECT status FROM agency_placement WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("EXPIRED");
        assertThat(grants("agency-beta", pi.getId())).isZero();
    }

    @Test
    void monthlySupervisionPassesThenRecallsOnMisconduct() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = placed(loanNo, 50);
        jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                summary, recorded_at) VALUES (CURRENT_TIMESTAMP, ?, ?, 'call', 'ANSWERED', 'agency1', 'AGENCY',
                'promised to pay Friday', CURRENT_TIMESTAMP)""", loanNo, "B-" + loanNo);

        fireTimer(pi, "StartEvent_MonthlySupervision");
        assertThat((String) variable(pi, AgencyVars.SUPERVISION_SAMPLE)).contains("call ANSWERED by agency1",
            "promised to pay Friday");
        complete(singleTask(pi, "Task_SuperviseAgency"), Map.of(AgencyVars.MISCONDUCT_FOUND, false));
        assertThat(pi).hasPassed("EndEvent_SupervisionPassed").isWaitingAt("Task_WorkPlacedCase");

        fireTimer(pi, "StartEvent_MonthlySupervision");
        complete(singleTask(pi, "Task_SuperviseAgency"),
            Map.of(AgencyVars.MISCONDUCT_FOUND, true, AgencyVars.MISCONDUCT_FINDING, "called at 23:00"));

        assertThat(pi).hasPassed("EndEvent_MisconductFound", "BoundaryEvent_Misconduct", "Task_RecordMisconduct",
            "Task_RecallPlacement").isWaitingAt("Task_ReviewAgencyResult");
        assertThat(openTasks(pi)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM agency_placement WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("RECALLED");
        assertThat(fixtures.count("SELECT COUNT(*) FROM accountability_record WHERE subject_type = 'AGENCY' "
            + "AND subject_id = 'acme' AND finding LIKE ?", "%" + loanNo + ": called at 23:00")).isEqualTo(1);
    }

    @Test
    void managerRejectsThePlacement() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = start(loanNo, 50);
        // the form submits its scope (prefilled, required) with a rejection too
        complete(singleTask(pi, "Task_ApprovePlacement"), Map.of(AgencyVars.PLACEMENT_APPROVED, false,
            AgencyVars.PLACEMENT_SCOPE, "phone and letters, no visits"));
        assertThat(pi).hasPassed("EndEvent_PlacementRejected").isEnded();
        assertThat(placements.activePlacement(loanNo)).isEmpty();
    }

    @Test
    void unqualifiedOrExpiredAgenciesGetNoPlacement() {
        String loanNo = fixtures.loan(200, today());
        jdbc.update("UPDATE agency SET qualified = FALSE WHERE code = 'acme'");
        jdbc.update("UPDATE agency SET licence_expires_on = ? WHERE code = 'beta'", today().minusDays(1));
        try {
            ProcessInstance pi = start(loanNo, 50);
            assertThat(pi).hasPassed("EndEvent_NoQualifiedAgency").isEnded();
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(AgencyVars.OUTCOME).singleResult().getValue()).isEqualTo("NO_QUALIFIED_AGENCY");

            // the chosen champion is unqualified: the qualified challenger takes it
            jdbc.update("UPDATE agency SET licence_expires_on = DATE '2030-06-30' WHERE code = 'beta'");
            ProcessInstance fallback = start(fixtures.loan(200, today()), 50);
            assertThat(variable(fallback, AgencyVars.AGENCY_CODE)).isEqualTo("beta");
        } finally {
            jdbc.update("UPDATE agency SET qualified = TRUE WHERE code = 'acme'");
            jdbc.update("UPDATE agency SET licence_expires_on = DATE '2030-06-30' WHERE code = 'beta'");
        }
    }

    /**
     * A licence is valid through its expiry date on the lender's calendar (Asia/Shanghai), not the server's (UTC): at
     * 23:00 in Shanghai on its last day acme still qualifies; when the approval comes at 01:00 the next day (17:00 on
     * the server, still the last day there) the placement is refused.
     */
    @Test
    void aLicenceExpiresAtTheEndOfItsLastDayOnTheLendersCalendar() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-05T23:00+08:00").toInstant()));
        String loanNo = fixtures.loan(200, today());
        jdbc.update("UPDATE agency SET licence_expires_on = DATE '2026-03-05' WHERE code = 'acme'");
        try {
            ProcessInstance pi = start(loanNo, 50);
            assertThat(variable(pi, AgencyVars.AGENCY_CODE)).isEqualTo("acme");

            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-05T17:00Z").toInstant()));
            complete(singleTask(pi, "Task_ApprovePlacement"),
                Map.of(AgencyVars.PLACEMENT_APPROVED, true, AgencyVars.PLACEMENT_SCOPE, "phone"));

            assertThat(pi).hasPassed("EndEvent_AgencyNotEligible").isEnded();
            assertThat(placements.activePlacement(loanNo)).isEmpty();
            ProcessInstance next = start(fixtures.loan(200, today()), 50);
            assertThat(variable(next, AgencyVars.AGENCY_CODE)).as("acme no longer qualifies").isEqualTo("beta");
            runtimeService.deleteProcessInstance(next.getId(), "test done");
        } finally {
            jdbc.update("UPDATE agency SET licence_expires_on = DATE '2030-12-31' WHERE code = 'acme'");
        }
    }

    @Test
    void registryKeepsGroupNamingAndRejectsBadRatings() {
        AgencyRegistry registry = new AgencyRegistry(jdbc, java.time.Clock.systemUTC());
        Agency gamma = registry.register(new Agency("gamma", "Gamma Collect", "BJ-1", today().plusYears(1), 5, true,
            true, null));
        assertThat(gamma.groupId()).isEqualTo("agency-gamma");
        assertThat(gamma.eligibleOn(today())).isTrue();
        assertThat(gamma.eligibleOn(today().plusYears(2))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.register(
            new Agency("delta", "D", "X", today(), 9, true, true, null))).hasMessageContaining("rating");
        jdbc.update("DELETE FROM agency WHERE code = 'gamma'");
        assertThat(List.of(registry.all().stream().map(Agency::code).toArray())).contains("acme", "beta");
    }

    @Test
    void anAgencySuspendedAfterApprovalGetsNoPlacementAndTheNextCaseGoesElsewhere() {
        String loanNo = fixtures.loan(200, today());
        ProcessInstance pi = start(loanNo, 50);
        assertThat(variable(pi, AgencyVars.AGENCY_CODE)).isEqualTo("acme");
        administration.suspend("acme", "licence under investigation");
        try {
            complete(singleTask(pi, "Task_ApprovePlacement"),
                Map.of(AgencyVars.PLACEMENT_APPROVED, true, AgencyVars.PLACEMENT_SCOPE, "phone"));
            assertThat(pi).hasPassed("BoundaryEvent_AgencyNotEligible", "EndEvent_AgencyNotEligible").isEnded();
            assertThat(historicVariable(pi, AgencyVars.OUTCOME)).isEqualTo("NO_QUALIFIED_AGENCY");
            assertThat((String) historicVariable(pi, AgencyVars.NOT_ELIGIBLE_REASON))
                .isEqualTo("agency acme may not receive placements: suspended: licence under investigation");
            assertThat(placements.activePlacement(loanNo)).isEmpty();
            assertThat(grants("agency-acme", pi.getId())).isZero();

            ProcessInstance next = start(fixtures.loan(200, today()), 50);
            assertThat(variable(next, AgencyVars.AGENCY_CODE)).isEqualTo("beta");
            runtimeService.deleteProcessInstance(next.getId(), "test done");
        } finally {
            administration.reinstate("acme");
        }
    }

    private Object historicVariable(ProcessInstance pi, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
            .singleResult().getValue();
    }
}
