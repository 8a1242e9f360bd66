package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase.Vars;

/** legal-action.bpmn: legal assesses viability, then conducts the action and records the result. */
class LegalActionProcessTest extends CaseProcessTestSupport {

    private ProcessInstance start() {
        String loanNo = fixtures.loan(400, today());
        return runtimeService.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 14000.0));
    }

    @Test
    void viableActionIsConductedAndItsResultReturned() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_AssessLegalAction").task().hasCandidateGroup("legal");

        complete(singleTask(pi, "Task_AssessLegalAction"), Map.of(Vars.LEGAL_ACTION, "LAWYER_LETTER"));
        assertThat(pi).isWaitingAt("Task_ConductLegalAction").task().hasCandidateGroup("legal");
        complete(singleTask(pi, "Task_ConductLegalAction"), Map.of(Vars.LEGAL_OUTCOME, "PARTIALLY_RECOVERED"));

        assertThat(pi).hasPassed("EndEvent_LegalActionConcluded").isEnded();
    }

    @Test
    void actionThatCostsMoreThanItRecoversEndsAsNotViable() {
        ProcessInstance pi = start();
        complete(singleTask(pi, "Task_AssessLegalAction"), Map.of(Vars.LEGAL_ACTION, "NOT_VIABLE"));

        assertThat(pi).hasPassed("EndEvent_LegalActionNotViable").hasNotPassed("Task_ConductLegalAction").isEnded();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName(Vars.LEGAL_OUTCOME).singleResult().getValue()).isEqualTo("NOT_VIABLE");
    }
}
