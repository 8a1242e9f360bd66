package io.collectflow.arrangement.plan;

import java.util.Set;

/** processes/plan-policy.dmn: is a proposed plan within policy, or does a manager have to approve it? */
public interface PlanPolicy {

    String DECISION_KEY = "plan-policy";
    /** The variables the table is evaluated with; a table input must use one of them. */
    Set<String> INPUTS = Set.of("affordable", "installments", "deferralDays", "overdueReason", "notKeptPromises", "dpd");

    Verdict evaluate(Input input);

    record Input(boolean affordable, int installments, int deferralDays, String overdueReason, int notKeptPromises,
            int dpd) {
    }

    record Verdict(boolean withinPolicy, String note) {
    }
}
