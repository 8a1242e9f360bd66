package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The completeness rules of call and visit reports, the stage order and the early-warning steps. */
class CaseReportRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static CallReport call(boolean reached, String outcome, LocalDate date, String amount) {
        return new CallReport("L1", "FIRST_LINE", reached, outcome, "CASH_FLOW", date,
            amount == null ? null : new BigDecimal(amount), null, null, "collector1");
    }

    @Test
    void promiseNeedsADateFromTodayOnAndAPositiveAmount() {
        assertThat(call(true, "PROMISE_TO_PAY", TODAY.plusDays(1), "0.01").problems(TODAY)).isEmpty();
        // a borrower promising to pay later the same day is common
        assertThat(call(true, "PROMISE_TO_PAY", TODAY, "100").problems(TODAY)).isEmpty();
        assertThat(call(true, "PROMISE_TO_PAY", TODAY.minusDays(1), "100").problems(TODAY)).containsExactly(
            "promiseDate: a promise needs a date from today on");
        assertThat(call(true, "PROMISE_TO_PAY", null, "-5").problems(TODAY)).hasSize(2)
            .anyMatch(p -> p.startsWith("promiseAmount"));
    }

    @Test
    void outcomeMustMatchWhetherTheBorrowerWasReached() {
        assertThat(call(false, "NO_ANSWER", null, null).problems(TODAY)).isEmpty();
        assertThat(call(true, "NO_ANSWER", null, null).problems(TODAY)).singleElement().asString().startsWith("reached");
        assertThat(call(false, "REFUSED", null, null).problems(TODAY)).singleElement().asString().startsWith("reached");
        assertThat(call(true, "SHOUTED", null, null).problems(TODAY)).singleElement().asString().startsWith("callOutcome");
    }

    private static VisitReport visit(String mode, String staff1, String staff2, boolean letter, Boolean consent,
            String outcome, String confirmation, boolean confirmed) {
        return new VisitReport("L1", "SECOND_LINE", mode, staff1, staff2, letter, consent, outcome, confirmation,
            confirmed, null, null, "collector2");
    }

    @Test
    void homeVisitNeedsTwoDistinctNamedStaffLetterAndConsentRecord() {
        assertThat(visit("VISIT", "Wang Fang", "Zhao Lei", true, false, "NOT_MET", null, false).problems(TODAY)).isEmpty();
        assertThat(visit("VISIT", "Wang Fang", " wang fang ", true, true, "NOT_MET", null, false).problems(TODAY))
            .containsExactly("visitStaff2: the two staff members must be different people");
        assertThat(visit("VISIT", "Wang Fang", null, false, null, "NOT_MET", null, false).problems(TODAY)).hasSize(3);
        assertThat(visit("VIDEO", null, null, false, null, "NOT_MET", null, false).problems(TODAY)).isEmpty();
    }

    @Test
    void negotiatedPlanNeedsConfirmation() {
        assertThat(visit("VIDEO", null, null, false, null, "PLAN_CONFIRMED", "ELECTRONIC", true).problems(TODAY)).isEmpty();
        assertThat(visit("VIDEO", null, null, false, null, "PLAN_CONFIRMED", null, false).problems(TODAY))
            .extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("planConfirmation", "planConfirmed");
    }

    @Test
    void stagesOnlyMoveForward() {
        CollectionStages stages = new CollectionStages();
        assertThat(stages.isLater("SECOND_LINE", "FIRST_LINE")).isTrue();
        assertThat(stages.isLater("WRITE_OFF", "LEGAL")).isTrue();
        assertThat(stages.isLater("FIRST_LINE", "SECOND_LINE")).isFalse();
        assertThat(stages.isLater("LEGAL", "LEGAL")).isFalse();
        assertThat(stages.isLater("FIRST_LINE", "NONE")).isTrue();
        assertThat(stages.isLater(null, "FIRST_LINE")).isFalse();
    }

    @Test
    void eachEarlyWarningStepIsDueOnceAndInOrder() {
        EarlyWarningSteps steps = new EarlyWarningSteps();
        assertThat(steps.isDue("REMINDER_30", "NONE")).isTrue();
        assertThat(steps.isDue("REMINDER_30", null)).isTrue();
        assertThat(steps.isDue("REMINDER_30", "REMINDER_30")).isFalse();
        assertThat(steps.isDue("VOICE_60", "REMINDER_30")).isTrue();
        assertThat(steps.isDue("REMINDER_30", "VOICE_60")).isFalse();
        assertThat(steps.isDue("NONE", null)).isFalse();
        assertThat(steps.isDue(null, null)).isFalse();
    }

    @Test
    void overdueReasonGuess() {
        assertThat(CaseDossierService.guessReason(0, null, 1, TODAY)).isEqualTo("OTHER");
        assertThat(CaseDossierService.guessReason(5, TODAY.minusDays(40), 1, TODAY)).isEqualTo("FORGOT");
        assertThat(CaseDossierService.guessReason(5, TODAY.minusDays(40), 2, TODAY)).isEqualTo("CASH_FLOW");
        assertThat(CaseDossierService.guessReason(5, TODAY.minusDays(200), 6, TODAY)).isEqualTo("OTHER");
    }
}
