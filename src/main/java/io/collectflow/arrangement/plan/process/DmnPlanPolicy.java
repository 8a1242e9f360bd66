package io.collectflow.arrangement.plan.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import io.collectflow.arrangement.plan.PlanPolicy;

/** {@link PlanPolicy} on the deployed processes/plan-policy.dmn. */
@Component
public class DmnPlanPolicy implements PlanPolicy {

    private final DecisionService decisions;

    public DmnPlanPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Verdict evaluate(Input in) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("affordable", in.affordable());
        vars.put("installments", in.installments());
        vars.put("deferralDays", in.deferralDays());
        vars.put("overdueReason", in.overdueReason());
        vars.put("notKeptPromises", in.notKeptPromises());
        vars.put("dpd", in.dpd());
        DmnDecisionRuleResult r = decisions.evaluateDecisionTableByKey(DECISION_KEY, vars).getSingleResult();
        return new Verdict(Boolean.TRUE.equals(r.getEntry("withinPolicy")), r.getEntry("policyNote"));
    }
}
