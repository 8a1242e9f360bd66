package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/** lost-contact.bpmn and the 90-day rule that selects lost-contact loans. */
class LostContactProcessTest extends CaseProcessTestSupport {

    @Autowired LostContactService lostContact;

    private void contact(String loanNo, int daysAgo, String result) {
        jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                recorded_at) VALUES (?, ?, ?, 'call', ?, 'collector2', 'COLLECTOR', CURRENT_TIMESTAMP)""",
            java.sql.Timestamp.valueOf(today().minusDays(daysAgo).atTime(10, 0)), loanNo, "B-" + loanNo, result);
    }

    @ParameterizedTest
    @CsvSource({"true, EndEvent_CollectionResumed", "false, EndEvent_LitigationPrepared"})
    void skipTraceThenAssessment(boolean found, String end) {
        String lost = fixtures.loan(200, today());
        contact(lost, 10, "NO_ANSWER");
        contact(lost, 120, "ANSWERED");
        String reached = fixtures.loan(200, today());
        contact(reached, 10, "NO_ANSWER");
        contact(reached, 30, "ANSWERED");
        assertThat(lostContact.lostContactLoans(today())).contains(lost).doesNotContain(reached);

        ProcessInstance pi = runtimeService.startProcessInstanceByKey("lost-contact", lost, Map.of(Vars.LOAN_NO, lost));
        complete(singleTask(pi, "Task_SkipTraceSystems"), Map.of("traceNotes", "registry: moved"));
        complete(singleTask(pi, "Task_SkipTraceSharedContacts"), Map.of("traceNotes", "sister: no answer"));
        complete(singleTask(pi, "Task_AssessLostContact"), Map.of("borrowerFound", found, "assessmentNotes", "x"));
        if (!found) {
            assertThat(pi).isWaitingAt("Task_PrepareLitigation").task().hasCandidateGroup("legal");
            complete(singleTask(pi, "Task_PrepareLitigation"), Map.of("legalStepDate", today().toString()));
        }
        assertThat(pi).hasPassed(end).isEnded();
    }
}
