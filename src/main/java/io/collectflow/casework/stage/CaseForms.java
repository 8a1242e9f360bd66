package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the collectors' forms (call-borrower, visit-borrower) into reports, and clears them for the next task. */
final class CaseForms {

    /** Who completed the last call or visit task (set when the task completes). */
    static final String REPORTED_BY = "reportedBy";
    /**
     * When the last call or visit task was completed (the report submitted): the record step after the asynchronous
     * boundary judges the report's dates against this moment, not its own, so a report accepted just before the
     * borrower's midnight is not refused when the job runs after it.
     */
    static final String REPORTED_AT = "reportedAt";

    /**
     * Inputs of the call form that hold the case's data rather than this call's report, so they stay: the overdue
     * reason is the strategy's input (the dossier's first guess, corrected by the collector, re-classified by the
     * risk rules) and the next call shows it again.
     */
    static final Set<String> CASE_DATA = Set.of(OVERDUE_REASON);

    private CaseForms() {
    }

    /** The call form's report; its dates are the borrower's ({@link #borrowersDates}). */
    static CallReport call(VariableScope scope, ContactTiming timing) {
        Function<Instant, LocalDate> borrowers = borrowersDates(scope, timing);
        return new CallReport(ProcessData.string(scope, LOAN_NO), ProcessData.string(scope, CURRENT_STAGE),
            ProcessData.bool(scope, REACHED), ProcessData.string(scope, CALL_OUTCOME),
            ProcessData.string(scope, OVERDUE_REASON), ProcessData.date(scope, PROMISE_DATE, borrowers),
            ProcessData.decimal(scope, PROMISE_AMOUNT), ProcessData.string(scope, CALL_NOTES),
            ProcessData.date(scope, NEXT_FOLLOW_UP, borrowers), ProcessData.string(scope, REPORTED_BY));
    }

    /** The visit form's report; its follow-up date is the borrower's ({@link #borrowersDates}). */
    static VisitReport visit(VariableScope scope, ContactTiming timing) {
        Function<Instant, LocalDate> borrowers = borrowersDates(scope, timing);
        return new VisitReport(ProcessData.string(scope, LOAN_NO), ProcessData.string(scope, CURRENT_STAGE),
            ProcessData.string(scope, VISIT_MODE), ProcessData.string(scope, VISIT_STAFF_1),
            ProcessData.string(scope, VISIT_STAFF_2), ProcessData.bool(scope, AUTHORIZATION_LETTER),
            ProcessData.optionalBool(scope, CONSENT_TO_ENTER), ProcessData.string(scope, VISIT_OUTCOME),
            ProcessData.string(scope, PLAN_CONFIRMATION), ProcessData.bool(scope, PLAN_CONFIRMED),
            ProcessData.string(scope, VISIT_NOTES), ProcessData.date(scope, NEXT_FOLLOW_UP, borrowers),
            ProcessData.string(scope, REPORTED_BY));
    }

    /**
     * When the report was submitted ({@link #REPORTED_AT}); {@code now} for a report kept before that variable
     * existed.
     */
    static Instant reportedAt(VariableScope scope, Instant now) {
        Instant at = ProcessData.instant(scope, REPORTED_AT);
        return at == null ? now : at;
    }

    /**
     * A report's dates (promise, follow-up) are the borrower's: a date given as an instant is the date it falls on in
     * the borrower's zone, where the case checks and plans them.
     */
    private static Function<Instant, LocalDate> borrowersDates(VariableScope scope, ContactTiming timing) {
        String loanNo = ProcessData.string(scope, LOAN_NO);
        return at -> timing.borrowersDate(loanNo, at);
    }

    /**
     * The next task's form starts empty instead of showing the previous report: removes the variables of the form's
     * inputs ({@code formInputs}, read from the deployed form, so a field a process owner adds is cleared too; fields
     * the form only displays are not inputs), except {@link #CASE_DATA}.
     */
    static void clear(VariableScope scope, Collection<String> formInputs) {
        formInputs.stream().filter(key -> !CASE_DATA.contains(key)).forEach(scope::removeVariable);
    }
}
