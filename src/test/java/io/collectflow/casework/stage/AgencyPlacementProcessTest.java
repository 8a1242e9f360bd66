package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase.Vars;

/** agency-placement.bpmn: a manager approves or rejects the placement and reviews the agency's result. */
class AgencyPlacementProcessTest extends CaseProcessTestSupport {

    private ProcessInstance start() {
        String loanNo = fixtures.loan(200, today());
        return runtimeService.startProcessInstanceByKey("agency-placement", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 200, Vars.OVERDUE_AMOUNT, 6300.0));
    }

    @Test
    void approvedPlacementEndsWithTheAgencyResult() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ApprovePlacement").task().hasCandidateGroup("managers");

        complete(singleTask(pi, "Task_ApprovePlacement"), Map.of(Vars.PLACEMENT_APPROVED, true, "agencyId", "agency-acme"));
        assertThat(pi).isWaitingAt("Task_ReviewAgencyResult").task().hasCandidateGroup("managers");
        complete(singleTask(pi, "Task_ReviewAgencyResult"), Map.of(Vars.AGENCY_OUTCOME, "PARTIALLY_RECOVERED"));

        assertThat(pi).hasPassed("EndEvent_PlacementReturned").isEnded()
            .variables().containsEntry(Vars.AGENCY_OUTCOME, "PARTIALLY_RECOVERED");
    }

    @Test
    void rejectedPlacementEndsAsRejected() {
        ProcessInstance pi = start();
        complete(singleTask(pi, "Task_ApprovePlacement"), Map.of(Vars.PLACEMENT_APPROVED, false));

        assertThat(pi).hasPassed("EndEvent_PlacementRejected").hasNotPassed("Task_ReviewAgencyResult").isEnded();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(Vars.AGENCY_OUTCOME).singleResult().getValue()).isEqualTo("REJECTED");
    }
}
