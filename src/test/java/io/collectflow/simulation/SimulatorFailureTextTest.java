package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** How the simulator names a failed job or task in its summary. */
class SimulatorFailureTextTest {

    @Test
    void aWrappedFailureShowsItsRootCauseAfterTheWrapper() {
        Exception root = new IllegalStateException("Value too long for column \"TEXT_\"\nSQL statement: INSERT ...");
        Exception wrapper = new ProcessEngineException("An exception occurred in the persistence layer.",
            new RuntimeException("batch failed", root));

        assertThat(Simulator.describe(wrapper))
            .isEqualTo("An exception occurred in the persistence layer. <- Value too long for column \"TEXT_\"");
    }

    @Test
    void aFailureWithoutCauseIsItsFirstLine() {
        assertThat(Simulator.describe(new IllegalStateException("loan L1 is already placed\nmore")))
            .isEqualTo("loan L1 is already placed");
    }
}
