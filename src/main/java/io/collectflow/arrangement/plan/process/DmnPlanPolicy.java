package io.collectflow.arrangement.plan.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import io.collectflow.arrangement.plan.PlanPolicy;
import io.collectflow.security.authz.AsSystem;

/** {@link PlanPolicy} on the deployed processes/plan-policy.dmn. */
@Component
public class DmnPlanPolicy implements PlanPolicy {

    private final DecisionService decisions;
    private final IdentityService identity;

    public DmnPlanPolicy(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public Verdict evaluate(Input in) {
        DmnDecisionRuleResult r = AsSystem.call(identity,
            () -> decisions.evaluateDecisionTableByKey(DECISION_KEY, variables(in))).getSingleResult();
        return new Verdict(Boolean.TRUE.equals(r.getEntry("withinPolicy")), r.getEntry("policyNote"));
    }

    /** The table's variables ({@link PlanPolicy#INPUTS}). */
    static Map<String, Object> variables(Input in) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("affordable", in.affordable());
        vars.put("installments", in.installments());
        vars.put("deferralDays", in.deferralDays());
        vars.put("overdueReason", in.overdueReason());
        vars.put("notKeptPromises", in.notKeptPromises());
        vars.put("dpd", in.dpd());
        return vars;
    }
}
