package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/** deceased-borrower.bpmn: contact stops, estate check, notice to heirs or the write-off path. */
class DeceasedBorrowerProcessTest extends CaseProcessTestSupport {

    @Autowired DeceasedService deceased;

    private ProcessInstance report(String loanNo) {
        assertThat(deceased.markDeceased(loanNo, "death certificate 2026-123", "legal1")).isTrue();
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("deceased-borrower", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, "deathEvidence", "death certificate 2026-123", "reportedBy", "legal1"));
        runJobs();
        return pi;
    }

    @Test
    void markingStopsContactAndAnEstateGetsANoticeToHeirs() {
        String loanNo = fixtures.loan(400, today());
        assertThatThrownBy(() -> deceased.markDeceased(loanNo, " ", "legal1")).hasMessageContaining("evidence");
        ProcessInstance pi = report(loanNo);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM borrower_flag WHERE borrower_id = ? AND flag = 'DECEASED'",
            Integer.class, "B-" + loanNo)).isEqualTo(1);
        assertThat(deceased.markDeceased(loanNo, "again", "legal1")).isFalse();

        assertThat(pi).isWaitingAt("Task_CheckEstate").task().hasCandidateGroup("legal");
        complete(singleTask(pi, "Task_CheckEstate"), Map.of("estateExists", true, "estateNotes", "flat in Pudong"));
        complete(singleTask(pi, "Task_NotifyHeirs"), Map.of("heirsNoticeReference", "N-1"));
        assertThat(pi).hasPassed("EndEvent_ClaimAgainstEstate").isEnded();
    }

    @Test
    void noEstateLeadsToAFourEyesWriteOff() {
        String loanNo = fixtures.loan(400, today());
        ProcessInstance pi = report(loanNo);
        complete(singleTask(pi, "Task_CheckEstate"), Map.of("estateExists", false, "estateNotes", "nothing left"));
        assertThat(pi).isWaitingAt("CallActivity_WriteOffDeceased");
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(loanNo)
            .taskDefinitionKey("Task_FirstApproval").singleResult();
        assertThat(taskService.getVariables(approval.getId())).as("the approval form's header: days past due, bucket")
            .containsEntry(Vars.DPD, 400).containsEntry(Vars.BUCKET, "DPD_1_29").containsEntry(Vars.OVERDUE_AMOUNT, 1050.0);

        for (String[] step : new String[][] {{"Task_FirstApproval", "manager1"}, {"Task_SecondApproval", "manager2"}}) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(loanNo)
                .taskDefinitionKey(step[0]).list();
            assertThat(tasks).hasSize(1);
            Map<String, Object> vars = new HashMap<>();
            vars.put("writeOffDecision", "APPROVE");
            identityServiceLogin(step[1]);
            try {
                complete(tasks.get(0), vars);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
        assertThat(pi).hasPassed("EndEvent_WriteOffPath").isEnded();
        assertThat(jdbc.queryForObject("SELECT grounds FROM write_off_request WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("DECEASED_NO_ESTATE");
        assertThat(jdbc.queryForObject("SELECT requested_by FROM write_off_request WHERE loan_no = ?", String.class,
            loanNo)).isEqualTo("legal1");
        assertThat(jdbc.queryForObject("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo))
            .isEqualTo("WRITTEN_OFF");
    }

    private void identityServiceLogin(String user) {
        engine.getIdentityService().setAuthentication(user, List.of("managers"));
    }
}
