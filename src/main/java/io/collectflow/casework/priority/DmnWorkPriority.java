package io.collectflow.casework.priority;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** {@link WorkPriority} on the latest deployed processes/work-priority.dmn. */
@Component
public class DmnWorkPriority implements WorkPriority {

    private final DecisionService decisions;

    public DmnWorkPriority(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public int points(Input in) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dpd", in.dpd());
        vars.put("overdueAmount", in.overdueAmount());
        vars.put("riskGrade", in.riskGrade());
        vars.put("brokenPromises", in.brokenPromises());
        var result = decisions.evaluateDecisionTableByKey(DECISION_KEY, vars).getSingleResult();
        Object points = result == null ? null : result.getSingleEntry();
        return points instanceof Number n ? n.intValue() : DEFAULT;
    }
}
