package io.collectflow.casework.priority;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import io.collectflow.security.authz.AsSystem;

/** {@link WorkPriority} on the latest deployed processes/work-priority.dmn. */
@Component
public class DmnWorkPriority implements WorkPriority {

    private final DecisionService decisions;
    private final IdentityService identity;

    public DmnWorkPriority(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public int points(Input in) {
        var result = AsSystem.call(identity, () -> decisions.evaluateDecisionTableByKey(DECISION_KEY, variables(in)))
            .getSingleResult();
        Object points = result == null ? null : result.getSingleEntry();
        return points instanceof Number n ? n.intValue() : DEFAULT;
    }

    /** The table's variables ({@link WorkPriority#INPUTS}). */
    static Map<String, Object> variables(Input in) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dpd", in.dpd());
        vars.put("overdueAmount", in.overdueAmount());
        vars.put("riskGrade", in.riskGrade());
        vars.put("brokenPromises", in.brokenPromises());
        return vars;
    }
}
