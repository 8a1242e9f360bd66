package io.collectflow.casework.stage;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.collectflow.casework.CollectionCase.Vars;

/** write-off-approval.bpmn: a manager approves or rejects the write-off. */
class WriteOffApprovalProcessTest extends CaseProcessTestSupport {

    @ParameterizedTest
    @CsvSource({"true, EndEvent_WriteOffApproved", "false, EndEvent_WriteOffRejected"})
    void managerDecides(boolean approved, String end) {
        String loanNo = fixtures.loan(800, today());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("write-off-approval", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 800, Vars.OVERDUE_AMOUNT, 3000.0));
        assertThat(pi).isWaitingAt("Task_ApproveWriteOff").task().hasCandidateGroup("managers");

        complete(singleTask(pi, "Task_ApproveWriteOff"), Map.of(Vars.WRITE_OFF_APPROVED, approved, "writeOffReason", "uncollectable"));

        assertThat(pi).hasPassed(end).isEnded().variables().containsEntry(Vars.WRITE_OFF_APPROVED, approved);
    }

    @Test
    void definitionKeepsHistoryFiveYears() {
        org.assertj.core.api.Assertions.assertThat(repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey("write-off-approval").latestVersion().singleResult().getHistoryTimeToLive())
            .isEqualTo(1825);
    }
}
