package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the collectors' forms (call-borrower, visit-borrower) into reports, and clears them for the next task. */
final class CaseForms {

    /** Who completed the last call or visit task (set when the task completes). */
    static final String REPORTED_BY = "reportedBy";

    static final List<String> CALL_FIELDS = List.of(REACHED, CALL_OUTCOME, PROMISE_DATE, PROMISE_AMOUNT, CALL_NOTES,
        NEXT_FOLLOW_UP);
    static final List<String> VISIT_FIELDS = List.of(VISIT_MODE, VISIT_STAFF_1, VISIT_STAFF_2, AUTHORIZATION_LETTER,
        CONSENT_TO_ENTER, VISIT_OUTCOME, PLAN_CONFIRMATION, PLAN_CONFIRMED, VISIT_NOTES, NEXT_FOLLOW_UP);

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

    /** The next task's form starts empty instead of showing the previous report. */
    static void clear(VariableScope scope, List<String> fields) {
        fields.forEach(scope::removeVariable);
    }
}
