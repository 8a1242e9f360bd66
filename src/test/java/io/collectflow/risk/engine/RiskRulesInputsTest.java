package io.collectflow.risk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.collectflow.risk.RiskRules;

/** The deployment check refuses table inputs outside the declared ones: they must be what is given. */
class RiskRulesInputsTest {

    @Test
    void theVariablesGivenAreTheDeclaredInputs() {
        assertThat(DmnRiskRules.gradeVariables(400, false).keySet())
            .containsExactlyInAnyOrderElementsOf(RiskRules.RISK_GRADE_INPUTS);
        assertThat(DmnRiskRules.reasonVariables("OTHER", 1, 0).keySet())
            .containsExactlyInAnyOrderElementsOf(RiskRules.OVERDUE_REASON_INPUTS);
    }
}
