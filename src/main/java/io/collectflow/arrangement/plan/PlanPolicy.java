package io.collectflow.arrangement.plan;

/** processes/plan-policy.dmn: is a proposed plan within policy, or does a manager have to approve it? */
public interface PlanPolicy {

    String DECISION_KEY = "plan-policy";

    Verdict evaluate(Input input);

    record Input(boolean affordable, int installments, int deferralDays, String overdueReason, int notKeptPromises,
            int dpd) {
    }

    record Verdict(boolean withinPolicy, String note) {
    }
}
