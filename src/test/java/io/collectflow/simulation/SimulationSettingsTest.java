package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    private static SimulationSettings withHistory(String level) {
        return new SimulationSettings(10, 5, 1L, LocalDate.of(2026, 1, 1), 2, 100, 0.05, List.of("expanded"),
            Path.of("target/simulation-test"), false, level);
    }

    @Test
    void acceptsCamundasHistoryLevelsTheKpisCanWorkWith() {
        assertThat(withHistory("audit").historyLevel()).isEqualTo("audit");
        assertThat(withHistory("full").historyLevel()).isEqualTo("full");
        assertThat(withHistory("activity").historyLevel()).isEqualTo("activity");
    }

    @Test
    void refusesAHistoryLevelWithoutTaskHistoryOrAnUnknownOne() {
        // "none" would leave the cost-per-case KPI without task durations
        assertThatThrownBy(() -> withHistory("none")).hasMessageContaining("history must be one of")
            .hasMessageContaining("none");
        assertThatThrownBy(() -> withHistory("AUDIT ")).hasMessageContaining("history must be one of");
    }

    @Test
    void defaultsToAuditHistory() {
        String before = System.clearProperty("history");
        try {
            assertThat(SimulationSettings.fromSystemProperties().historyLevel()).isEqualTo("audit");
        } finally {
            if (before != null) {
                System.setProperty("history", before);
            }
        }
    }
}
