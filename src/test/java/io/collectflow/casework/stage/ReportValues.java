package io.collectflow.casework.stage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.collectflow.casework.CollectionCase.Vars;

/** What a collector submits on the call and visit forms, for the case's process tests. */
final class ReportValues {

    private ReportValues() {
    }

    /** An unanswered call; {@code notes} may be null. */
    static Map<String, Object> noAnswer(String notes) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, false);
        vars.put(Vars.CALL_OUTCOME, "NO_ANSWER");
        if (notes != null) {
            vars.put(Vars.CALL_NOTES, notes);
        }
        return vars;
    }

    /** A reached borrower who asked to be called back on {@code date}. */
    static Map<String, Object> followUpOn(LocalDate date) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, true);
        vars.put(Vars.CALL_OUTCOME, "OTHER");
        vars.put(Vars.CALL_NOTES, "asked to be called back");
        vars.put(Vars.NEXT_FOLLOW_UP, date.toString());
        return vars;
    }

    /** A promise to pay 300.00 by {@code date}. */
    static Map<String, Object> promiseBy(LocalDate date) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.REACHED, true);
        vars.put(Vars.CALL_OUTCOME, "PROMISE_TO_PAY");
        vars.put(Vars.OVERDUE_REASON, "CASH_FLOW");
        vars.put(Vars.CALL_NOTES, "will pay by " + date);
        vars.put(Vars.PROMISE_DATE, date.toString());
        vars.put(Vars.PROMISE_AMOUNT, 300.0);
        return vars;
    }

    /** A home visit by two staff that did not meet the borrower; {@code notes} and {@code followUp} may be null. */
    static Map<String, Object> visitNotMet(String notes, LocalDate followUp) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.VISIT_MODE, "VISIT");
        vars.put(Vars.VISIT_STAFF_1, "Wang Fang");
        vars.put(Vars.VISIT_STAFF_2, "Zhao Lei");
        vars.put(Vars.AUTHORIZATION_LETTER, true);
        vars.put(Vars.CONSENT_TO_ENTER, false);
        vars.put(Vars.VISIT_OUTCOME, "NOT_MET");
        if (notes != null) {
            vars.put(Vars.VISIT_NOTES, notes);
        }
        if (followUp != null) {
            vars.put(Vars.NEXT_FOLLOW_UP, followUp.toString());
        }
        return vars;
    }
}
