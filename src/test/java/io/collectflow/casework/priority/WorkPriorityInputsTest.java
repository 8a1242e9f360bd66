package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deployment check refuses table inputs outside {@link WorkPriority#INPUTS}: they must be what is given. */
class WorkPriorityInputsTest {

    @Test
    void theVariablesGivenAreTheDeclaredInputs() {
        assertThat(DmnWorkPriority.variables(new WorkPriority.Input(10, 500, "LOW", 1)).keySet())
            .containsExactlyInAnyOrderElementsOf(WorkPriority.INPUTS);
    }
}
