package io.collectflow.arrangement.plan.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.collectflow.arrangement.plan.PlanPolicy;

/** The deployment check refuses table inputs outside {@link PlanPolicy#INPUTS}: they must be what is given. */
class PlanPolicyInputsTest {

    @Test
    void theVariablesGivenAreTheDeclaredInputs() {
        assertThat(DmnPlanPolicy.variables(new PlanPolicy.Input(true, 6, 10, "CASH_FLOW", 0, 40)).keySet())
            .containsExactlyInAnyOrderElementsOf(PlanPolicy.INPUTS);
    }
}
