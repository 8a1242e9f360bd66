package io.collectflow.risk.engine;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import io.collectflow.risk.RiskRules;
import io.collectflow.security.authz.AsSystem;

/** {@link RiskRules} evaluated by the engine on the latest deployed decision tables. */
@Component
public class DmnRiskRules implements RiskRules {

    private final DecisionService decisions;
    private final IdentityService identity;

    public DmnRiskRules(DecisionService decisions, IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    @Override
    public String grade(int score, boolean malicious) {
        return (String) AsSystem.call(identity,
            () -> decisions.evaluateDecisionTableByKey(RISK_GRADE_DECISION, gradeVariables(score, malicious)))
            .getSingleResult().getEntry("riskGrade");
    }

    /** {@link RiskRules#RISK_GRADE_INPUTS}. */
    static Map<String, Object> gradeVariables(int score, boolean malicious) {
        return Map.of("score", score, "malicious", malicious);
    }

    /** {@link RiskRules#OVERDUE_REASON_INPUTS}. */
    static Map<String, Object> reasonVariables(String reportedReason, int notKeptPromises, int refusals) {
        Map<String, Object> input = new HashMap<>();
        input.put("reportedReason", reportedReason);
        input.put("notKeptPromises", notKeptPromises);
        input.put("refusals", refusals);
        return input;
    }

    @Override
    public Classification classify(String reportedReason, int notKeptPromises, int refusals) {
        DmnDecisionRuleResult result = AsSystem.call(identity, () -> decisions.evaluateDecisionTableByKey(
            OVERDUE_REASON_DECISION, reasonVariables(reportedReason, notKeptPromises, refusals))).getSingleResult();
        return new Classification(result.getEntry("overdueReason"), Boolean.TRUE.equals(result.getEntry("malicious")));
    }
}
