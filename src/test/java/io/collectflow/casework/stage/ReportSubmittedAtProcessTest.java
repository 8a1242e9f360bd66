package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Elements.*;
import static io.collectflow.casework.stage.ReportValues.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase.Vars;

/**
 * A report's dates are the borrower's, judged when the collector submits the report: the record step after the
 * asynchronous boundary runs later (after the borrower's midnight, when the job executor is busy or a retry waits)
 * and must not refuse what the completion accepted — before, it re-checked against its own "today", failed three
 * times and left an incident. A date given as an instant (a REST client's Date variable) is the date it falls on for
 * the borrower. The fixtures' borrower lives in Shanghai (UTC+8); the tests' JVM runs in UTC, as the server does.
 */
class ReportSubmittedAtProcessTest extends CaseProcessTestSupport {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);

    @Test
    void aPromiseForTodaySubmittedAt2359IsRecordedWhenTheJobRunsAfterTheBorrowersMidnight() {
        ProcessInstance pi = caseAt("2026-03-05T10:00+08:00", 20);
        at("2026-03-05T23:59+08:00");
        taskService.complete(singleTask(pi, CALL_BORROWER).getId(), promiseBy(THURSDAY));

        at("2026-03-06T00:01+08:00");
        runJobs();

        assertThat(pi).hasPassed("Task_RecordCallOutcome").isWaitingAt(PROMISE_DUE);
        // made on the day it was submitted, the borrower's Thursday
        assertThat(jdbc.queryForObject(
            "SELECT promised_on || '/' || promise_date FROM promise_to_pay WHERE loan_no = ?", String.class,
            pi.getBusinessKey())).isEqualTo("2026-03-05/2026-03-05");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aVisitsFollowUpForTodaySubmittedAt2359IsRecordedWhenTheJobRunsAfterTheBorrowersMidnight() {
        ProcessInstance pi = caseAt("2026-03-05T10:00+08:00", 100);
        at("2026-03-05T23:59+08:00");
        taskService.complete(singleTask(pi, VISIT_BORROWER).getId(), visitNotMet(null, THURSDAY));

        at("2026-03-06T00:01+08:00");
        runJobs();

        assertThat(pi).hasPassed("Task_RecordVisit").isWaitingAt(VISIT_FOLLOW_UP);
        assertThat(fixtures.count("SELECT COUNT(*) FROM contact_report WHERE loan_no = ? AND next_follow_up = ?",
            pi.getBusinessKey(), java.sql.Date.valueOf(THURSDAY))).isOne();
    }

    /** The report is stored as made when the collector submitted it, not when its record job ran, hours later. */
    @Test
    void aCallReportIsRecordedAtItsSubmissionNotWhenItsJobRan() {
        assertRecordedWhenSubmitted(20, CALL_BORROWER, promiseBy(THURSDAY.plusDays(2)), "2026-03-05T22:10+08:00",
            "Task_RecordCallOutcome");
    }

    @Test
    void aVisitReportIsRecordedAtItsSubmissionNotWhenItsJobRan() {
        assertRecordedWhenSubmitted(100, VISIT_BORROWER, visitNotMet(null, THURSDAY.plusDays(2)),
            "2026-03-06T02:00+08:00", "Task_RecordVisit");
    }

    private void assertRecordedWhenSubmitted(int dpd, String task, Map<String, Object> report, String jobRunsAt,
            String recordStep) {
        ProcessInstance pi = caseAt("2026-03-05T10:00+08:00", dpd);
        at("2026-03-05T18:30+08:00");
        taskService.complete(singleTask(pi, task).getId(), report);

        at(jobRunsAt);
        runJobs();

        assertThat(pi).hasPassed(recordStep);
        assertThat(jdbc.queryForObject("SELECT recorded_at FROM contact_report WHERE loan_no = ?", Timestamp.class,
            pi.getBusinessKey()).toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-05T18:30+08:00").toInstant());
    }

    /**
     * A REST client's promise date as a Date: Saturday 00:00 in Shanghai is still Friday 16:00 on the UTC server; the
     * borrower promised Saturday, which is what the case keeps (before, the server's zone made it Friday).
     */
    @Test
    void aDateGivenAsAnInstantIsTheBorrowersDate() {
        ProcessInstance pi = caseAt("2026-03-06T10:00+08:00", 20);
        Map<String, Object> promise = promiseBy(THURSDAY);
        promise.put(Vars.PROMISE_DATE, Date.from(OffsetDateTime.parse("2026-03-07T00:00+08:00").toInstant()));

        complete(singleTask(pi, CALL_BORROWER), promise);

        assertThat(pi).isWaitingAt(PROMISE_DUE);
        assertThat(jdbc.queryForObject("SELECT promise_date FROM promise_to_pay WHERE loan_no = ?", LocalDate.class,
            pi.getBusinessKey())).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    private ProcessInstance caseAt(String at, int dpd) {
        at(at);
        return startCase(fixtures.loan(dpd, today()), dpd);
    }

    private static void at(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }
}
