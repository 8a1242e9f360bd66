package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Elements.*;
import static io.collectflow.casework.stage.ReportValues.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.compliance.BorrowerFlagService;

/**
 * When the case plans its next call or visit (F1, F7): never in the borrower's night, weekend or holiday, but at the
 * first moment the compliance guard would allow that contact, in the borrower's own time zone; a chosen follow-up date
 * starts when the borrower's contact window opens that day; a report's dates may not lie before the borrower's today.
 * The fixtures' borrower lives in Shanghai (UTC+8); the tests' JVM runs in another zone (UTC), as a server may.
 */
class NextContactTimingProcessTest extends CaseProcessTestSupport {

    @Autowired BorrowerFlagService flags;

    @ParameterizedTest(name = "no answer at {0}, retry after PT2H: next call at {1}")
    @CsvSource({
        // Tuesday evening: the next morning
        "2026-12-01T20:30+08:00, 2026-12-02T09:00+08:00",
        // Friday evening: Monday morning
        "2026-12-04T20:30+08:00, 2026-12-07T09:00+08:00",
        // the eve of National Day (1-7 October are holidays): the first workday after them
        "2026-09-30T20:30+08:00, 2026-10-08T09:00+08:00",
        // early afternoon: two hours later, as the strategy says
        "2026-12-01T13:00+08:00, 2026-12-01T15:00+08:00"})
    void anUnansweredCallIsRetriedAtTheFirstMomentTheBorrowerMayBeCalled(OffsetDateTime calledAt,
            OffsetDateTime expected) {
        ProcessInstance pi = caseAt(calledAt, 70);
        assertThat(variable(pi, Vars.RETRY_AFTER)).as("60-89 DPD, expanded plan").isEqualTo("PT2H");

        complete(singleTask(pi, CALL_BORROWER), noAnswer(null));

        assertThat(pi).isWaitingAt(NEXT_CONTACT);
        assertPlannedAt(pi, NEXT_CONTACT, expected);
    }

    @Test
    void aBorrowerInNewYorkIsCalledAgainInNewYorksWindow() {
        // Friday 20:30 in New York is Saturday 01:30 UTC and 09:30 in Shanghai
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-04T20:30-05:00"), 70, "US-NY", "America/New_York");

        complete(singleTask(pi, CALL_BORROWER), noAnswer(null));

        assertPlannedAt(pi, NEXT_CONTACT, OffsetDateTime.parse("2026-12-07T09:00-05:00"));
    }

    @ParameterizedTest(name = "follow-up on {1} chosen at {0}: next call at {2}")
    @CsvSource({
        // a Thursday: when the window opens in Shanghai (01:00 UTC), not 09:00 in the server's zone
        "2026-12-01T10:00+08:00, 2026-12-03, 2026-12-03T09:00+08:00",
        // a Sunday: Monday morning
        "2026-12-01T10:00+08:00, 2026-12-06, 2026-12-07T09:00+08:00",
        // National Day: the first workday after the holidays
        "2026-09-28T10:00+08:00, 2026-10-01, 2026-10-08T09:00+08:00",
        // today, during the window: at once
        "2026-12-01T10:00+08:00, 2026-12-01, 2026-12-01T10:00+08:00"})
    void aFollowUpDateStartsWhenTheBorrowersWindowOpensOnThatDay(OffsetDateTime calledAt, LocalDate followUp,
            OffsetDateTime expected) {
        ProcessInstance pi = caseAt(calledAt, 20);

        complete(singleTask(pi, CALL_BORROWER), followUpOn(followUp));

        assertThat(pi).isWaitingAt(NEXT_CONTACT);
        assertPlannedAt(pi, NEXT_CONTACT, expected);
    }

    @ParameterizedTest(name = "New York borrower, follow-up on {0}: next call at {1}")
    @CsvSource({
        "2026-12-10, 2026-12-10T09:00-05:00",
        // Christmas Day (a US federal holiday, a Friday): Monday
        "2026-12-25, 2026-12-28T09:00-05:00"})
    void aFollowUpDateForABorrowerInNewYorkStartsAtNineInNewYork(LocalDate followUp, OffsetDateTime expected) {
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-08T10:00-05:00"), 20, "US-NY", "America/New_York");

        complete(singleTask(pi, CALL_BORROWER), followUpOn(followUp));

        assertPlannedAt(pi, NEXT_CONTACT, expected);
    }

    @Test
    void aVisitThatDidNotMeetTheBorrowerIsRepeatedAfterTheHolidays() {
        // second line (90-179 DPD) tries again after P3D: Monday 15:00 + 3 days is National Day
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-09-28T15:00+08:00"), 100);
        assertThat(variable(pi, Vars.RETRY_AFTER)).isEqualTo("P3D");

        complete(singleTask(pi, VISIT_BORROWER), visitNotMet(null, null));

        assertPlannedAt(pi, VISIT_FOLLOW_UP, OffsetDateTime.parse("2026-10-08T09:00+08:00"));
    }

    @Test
    void aVisitFollowUpOnASundayIsPlannedForMondayMorning() {
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-01T15:00+08:00"), 100);

        complete(singleTask(pi, VISIT_BORROWER), visitNotMet(null, LocalDate.parse("2026-12-06")));

        assertPlannedAt(pi, VISIT_FOLLOW_UP, OffsetDateTime.parse("2026-12-07T09:00+08:00"));
    }

    @Test
    void aBlockOnlyAPersonCanLiftKeepsTheStrategysDelay() {
        OffsetDateTime calledAt = OffsetDateTime.parse("2026-12-01T20:30+08:00");
        ProcessInstance pi = caseAt(calledAt, 70);
        flags.openComplaint("B-" + pi.getBusinessKey(), "complaint-officer1", "complaint registered");

        complete(singleTask(pi, CALL_BORROWER), noAnswer(null));

        // the guard cannot say when the complaint is closed: two hours later, as before
        assertPlannedAt(pi, NEXT_CONTACT, calledAt.plusHours(2));
    }

    @Test
    void aPromiseIsCheckedWhenTheBorrowerMayBeCalledAndAKeptOneIsFollowedUpInTheWindow() {
        // Tuesday morning: a promise to pay by Thursday 3 December; grace P2D ends Sunday 6 December 00:00 in Shanghai
        // (before: 00:00 in the server's zone, i.e. Sunday 08:00 in Shanghai, and a broken promise's call opened then)
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-01T10:00+08:00"), 10);
        complete(singleTask(pi, CALL_BORROWER), promiseBy(LocalDate.of(2026, 12, 3)));

        OffsetDateTime monday = OffsetDateTime.parse("2026-12-07T09:00+08:00");
        Instant checkAt = ((Date) variable(pi, Vars.PROMISE_CHECK_AT)).toInstant();
        assertThat(checkAt.atOffset(monday.getOffset())).isEqualTo(monday);
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
            .activityId(PROMISE_DUE).singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(monday.toInstant());

        fixtures.pay(pi.getBusinessKey(), LocalDate.of(2026, 12, 2), new BigDecimal("300.00"));
        ClockUtil.setCurrentTime(Date.from(checkAt));
        fireTimer(pi, PROMISE_DUE);

        // kept: the next call after the usual day (follow-up-delay P1D), inside Tuesday's window
        assertThat(variable(pi, Vars.PROMISE_KEPT)).isEqualTo(true);
        assertPlannedAt(pi, NEXT_CONTACT, OffsetDateTime.parse("2026-12-08T09:00+08:00"));
    }

    @Test
    void aRejectedPlanHandsTheCaseBackForTheNextMomentTheBorrowerMayBeCalled() {
        // Tuesday morning: a plan is requested (the next call, after the plan, was planned for Wednesday 10:00)
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-01T10:00+08:00"), 20);
        Map<String, Object> planRequested = followUpOn(LocalDate.of(2026, 12, 2));
        planRequested.put(Vars.CALL_OUTCOME, "PLAN_REQUESTED");
        planRequested.put(Vars.OVERDUE_REASON, "CASH_FLOW");
        complete(singleTask(pi, CALL_BORROWER), planRequested);
        complete(singleTask(pi, "Task_ProposePlan"), Map.of("installmentCount", 2L, "declaredIncome", 1000.0,
            "otherDebts", 300.0, "firstDueOn", "2026-12-20", "planConfirmation", "WRITTEN", "overdueReason",
            "CASH_FLOW"));

        // Thursday 23:30: the manager rejects it; before, Wednesday's call was overdue and opened at once, at night
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-03T23:30+08:00").toInstant()));
        completeAs("manager1", singleTask(pi, "Task_ApprovePlan"), Map.of("planApproved", false));

        assertThat(variable(pi, "planOutcome")).isEqualTo("REJECTED");
        assertThat(pi).isWaitingAt(NEXT_CONTACT);
        assertPlannedAt(pi, NEXT_CONTACT, OffsetDateTime.parse("2026-12-04T09:00+08:00"));
    }

    /**
     * A report's dates are checked against the borrower's today, not the server's: at 01:00 on Wednesday in Shanghai
     * (Tuesday 17:00 on the UTC server) Tuesday has passed for the borrower, so a follow-up or a promise dated Tuesday
     * is refused, and the task stays open.
     */
    @Test
    void aShanghaiBorrowersYesterdayIsRefusedThoughItIsStillTodayOnTheServer() {
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        ProcessInstance calls = caseAt(OffsetDateTime.parse("2026-12-01T10:00+08:00"), 20);
        ProcessInstance visits = caseAt(OffsetDateTime.parse("2026-12-01T10:00+08:00"), 100);
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-01T17:00Z").toInstant()));
        String callId = singleTask(calls, CALL_BORROWER).getId();
        String visitId = singleTask(visits, VISIT_BORROWER).getId();

        assertThatThrownBy(() -> taskService.complete(callId, followUpOn(tuesday)))
            .hasMessageContaining("nextFollowUp: the next follow-up cannot be in the past");
        assertThatThrownBy(() -> taskService.complete(callId, promiseBy(tuesday)))
            .hasMessageContaining("promiseDate: a promise needs a date from today on");
        assertThatThrownBy(() -> taskService.complete(visitId, visitNotMet(null, tuesday)))
            .hasMessageContaining("nextFollowUp: the next follow-up cannot be in the past");
        assertThat(calls).isWaitingAt(CALL_BORROWER);
        assertThat(visits).isWaitingAt(VISIT_BORROWER);
    }

    /**
     * At 22:00 on Tuesday in New York (Wednesday 03:00 on the UTC server) a New York borrower may still promise to pay
     * that Tuesday; the promise is made on the borrower's Tuesday too.
     */
    @Test
    void aNewYorkBorrowerMayPromiseToPayLaterThatDayThoughTheServerIsInTheNextOne() {
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-01T10:00-05:00"), 20, "US-NY", "America/New_York");
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-01T22:00-05:00").toInstant()));

        complete(singleTask(pi, CALL_BORROWER), promiseBy(LocalDate.of(2026, 12, 1)));

        assertThat(pi).isWaitingAt(PROMISE_DUE);
        assertThat(jdbc.queryForObject("SELECT promised_on || '/' || promise_date FROM promise_to_pay WHERE loan_no = ?",
            String.class, pi.getBusinessKey())).isEqualTo("2026-12-01/2026-12-01");
    }

    /**
     * C5: when the skip trace finds a lost borrower, the case does not wait for the call planned long before (a
     * follow-up on 18 December) but calls at the first moment the guard allows: at once during the window, on Monday
     * morning when found on a Friday evening.
     */
    @ParameterizedTest(name = "borrower found at {0}: next call at {1}")
    @CsvSource({
        "2026-12-02T11:00+08:00, 2026-12-02T11:00+08:00",
        "2026-12-04T21:00+08:00, 2026-12-07T09:00+08:00"})
    void aFoundBorrowerIsCalledWhenTheGuardAllowsNotOnTheOldPlan(OffsetDateTime foundAt, OffsetDateTime expected) {
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-01T10:00+08:00"), 20);
        complete(singleTask(pi, CALL_BORROWER), followUpOn(LocalDate.of(2026, 12, 18)));
        assertPlannedAt(pi, NEXT_CONTACT, OffsetDateTime.parse("2026-12-18T09:00+08:00"));

        borrowerFoundAt(pi, foundAt);

        assertThat(pi).hasPassed(RECORD_BORROWER_FOUND, BRING_NEXT_CONTACT_FORWARD).isWaitingAt(NEXT_CONTACT);
        assertPlannedAt(pi, NEXT_CONTACT, expected);
    }

    /** The same for second line: the next visit, planned two weeks on, is brought forward to Monday morning. */
    @Test
    void aFoundBorrowerIsVisitedWhenTheGuardAllowsNotOnTheOldPlan() {
        ProcessInstance pi = caseAt(OffsetDateTime.parse("2026-12-07T15:00+08:00"), 100);
        complete(singleTask(pi, VISIT_BORROWER), visitNotMet(null, LocalDate.of(2026, 12, 21)));
        assertPlannedAt(pi, VISIT_FOLLOW_UP, OffsetDateTime.parse("2026-12-21T09:00+08:00"));

        borrowerFoundAt(pi, OffsetDateTime.parse("2026-12-12T10:00+08:00"));

        assertThat(pi).isWaitingAt(VISIT_FOLLOW_UP);
        assertPlannedAt(pi, VISIT_FOLLOW_UP, OffsetDateTime.parse("2026-12-14T09:00+08:00"));
    }

    /** What lost-contact.bpmn's end does when the trace ends FOUND (CaseLifecycle.lostBorrowerFound). */
    private void borrowerFoundAt(ProcessInstance pi, OffsetDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
        runtimeService.createMessageCorrelation(CollectionCase.Messages.LOST_BORROWER_FOUND)
            .processInstanceId(pi.getId()).correlate();
        runJobs();
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance caseAt(OffsetDateTime at, int dpd) {
        return caseAt(at, dpd, null, null);
    }

    private ProcessInstance caseAt(OffsetDateTime at, int dpd, String region, String timezone) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
        String loanNo = fixtures.loan(dpd, today());
        if (region != null) {
            jdbc.update("UPDATE borrower SET region = ?, timezone = ? WHERE borrower_id = ?", region, timezone,
                "B-" + loanNo);
        }
        return startCase(loanNo, dpd);
    }

    /** The case variable and the timer that will open the next task. */
    private void assertPlannedAt(ProcessInstance pi, String timerActivity, OffsetDateTime expected) {
        Instant planned = ((Date) variable(pi, Vars.NEXT_CONTACT_AT)).toInstant();
        assertThat(planned.atOffset(expected.getOffset())).isEqualTo(expected);
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
            .activityId(timerActivity).singleResult();
        assertThat(timer).as("timer at " + timerActivity).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(expected.toInstant());
    }
}
