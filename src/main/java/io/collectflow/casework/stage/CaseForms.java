package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.*;

import java.util.Collection;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the collectors' forms (call-borrower, visit-borrower) into reports, and clears them for the next task. */
final class CaseForms {

    /** Who completed the last call or visit task (set when the task completes). */
    static final String REPORTED_BY = "reportedBy";

    /**
     * Inputs of the call form that hold the case's data rather than this call's report, so they stay: the overdue
     * reason is the strategy's input (the dossier's first guess, corrected by the collector, re-classified by the
     * risk rules) and the next call shows it again.
     */
    static final Set<String> CASE_DATA = Set.of(OVERDUE_REASON);

    private CaseForms() {
    }

    static CallReport call(VariableScope scope) {
        return new CallReport(ProcessData.string(scope, LOAN_NO), ProcessData.string(scope, CURRENT_STAGE),
            ProcessData.bool(scope, REACHED), ProcessData.string(scope, CALL_OUTCOME),
            ProcessData.string(scope, OVERDUE_REASON), ProcessData.date(scope, PROMISE_DATE),
            ProcessData.decimal(scope, PROMISE_AMOUNT), ProcessData.string(scope, CALL_NOTES),
            ProcessData.date(scope, NEXT_FOLLOW_UP), ProcessData.string(scope, REPORTED_BY));
    }

    static VisitReport visit(VariableScope scope) {
        return new VisitReport(ProcessData.string(scope, LOAN_NO), ProcessData.string(scope, CURRENT_STAGE),
            ProcessData.string(scope, VISIT_MODE), ProcessData.string(scope, VISIT_STAFF_1),
            ProcessData.string(scope, VISIT_STAFF_2), ProcessData.bool(scope, AUTHORIZATION_LETTER),
            ProcessData.optionalBool(scope, CONSENT_TO_ENTER), ProcessData.string(scope, VISIT_OUTCOME),
            ProcessData.string(scope, PLAN_CONFIRMATION), ProcessData.bool(scope, PLAN_CONFIRMED),
            ProcessData.string(scope, VISIT_NOTES), ProcessData.date(scope, NEXT_FOLLOW_UP),
            ProcessData.string(scope, REPORTED_BY));
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
