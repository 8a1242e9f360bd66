package io.collectflow.risk.engine;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import io.collectflow.risk.RiskRules;

/** {@link RiskRules} evaluated by the engine on the latest deployed decision tables. */
@Component
public class DmnRiskRules implements RiskRules {

    private final DecisionService decisions;

    public DmnRiskRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public String grade(int score, boolean malicious) {
        return (String) decisions.evaluateDecisionTableByKey(RISK_GRADE_DECISION,
            Map.of("score", score, "malicious", malicious)).getSingleResult().getEntry("riskGrade");
    }

    @Override
    public Classification classify(String reportedReason, int notKeptPromises, int refusals) {
        Map<String, Object> input = new HashMap<>();
        input.put("reportedReason", reportedReason);
        input.put("notKeptPromises", notKeptPromises);
        input.put("refusals", refusals);
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(OVERDUE_REASON_DECISION, input)
            .getSingleResult();
        return new Classification(result.getEntry("overdueReason"), Boolean.TRUE.equals(result.getEntry("malicious")));
    }
}
