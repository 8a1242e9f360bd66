package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

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
    void defaultsToActivityHistory() {
        String before = System.clearProperty("history");
        try {
            assertThat(SimulationSettings.fromSystemProperties().historyLevel()).isEqualTo("activity");
        } finally {
            if (before != null) {
                System.setProperty("history", before);
            }
        }
    }

    @Test
    void anArmsJvmReadsTheSameSettingsWithItsOneStrategy() {
        SimulationSettings settings = new SimulationSettings(321, 17, 99L, LocalDate.of(2026, 3, 2), 4, 150, 0.25,
            List.of("expanded", "short"), Path.of("target/arms"), true, "full", Path.of("scenarios/recession.properties"));
        Properties before = (Properties) System.getProperties().clone();
        try {
            for (String option : settings.asSystemProperties("short")) {
                String[] pair = option.substring(2).split("=", 2);
                System.setProperty(pair[0], pair[1]);
            }
            assertThat(SimulationSettings.fromSystemProperties()).isEqualTo(new SimulationSettings(321, 17, 99L,
                LocalDate.of(2026, 3, 2), 4, 150, 0.25, List.of("short"), Path.of("target/arms"), true, "full",
                Path.of("scenarios/recession.properties")));
        } finally {
            System.setProperties(before);
        }
    }
}
