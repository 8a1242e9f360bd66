package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A champion/challenger run with its arms in JVMs of their own at the same time gives the figures of the same
 * arms one after another: an analyst must not get other numbers for asking for speed. The comparison runs
 * in fresh JVMs too, not in this one: H2 keeps the JVM's time zone from its first use, which in the test JVM
 * was an earlier test's (UTC), not the simulator's (the borrowers' zone), and the runs differ by it.
 */
class ParallelArmsTest {

    private static SimulationSettings settings(List<String> strategies) {
        return new SimulationSettings(60, 12, 11L, LocalDate.of(2026, 1, 5), 2, 40, 0.10, strategies,
            Path.of("target/simulation-test"), false, "audit");
    }

    @Test
    void armsAtTheSameTimeGiveTheFiguresOfArmsOneAfterAnother() throws Exception {
        SimulationSettings settings = settings(List.of("expanded", "short"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<SimulationResult> atOnce = new ParallelArms(settings,
            new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        List<SimulationResult> oneAfterAnother = new ParallelArms(settings,
            new PrintStream(OutputStream.nullOutputStream())).run(false);

        assertThat(atOnce).extracting(SimulationResult::strategy).containsExactly("expanded", "short");
        for (int i = 0; i < 2; i++) {
            SimulationResult arm = atOnce.get(i);
            SimulationResult alone = oneAfterAnother.get(i);
            assertThat(arm.tasksCompleted()).as("tasks of " + arm.strategy()).isPositive()
                .isEqualTo(alone.tasksCompleted());
            assertThat(arm.days()).as("day series of " + arm.strategy()).isEqualTo(alone.days());
            assertThat(arm.casesOpened()).isEqualTo(alone.casesOpened());
            assertThat(arm.jobsExecuted()).isEqualTo(alone.jobsExecuted());
            assertThat(arm.paymentsAmount()).isEqualByComparingTo(alone.paymentsAmount());
            assertThat(arm.kpis()).as("KPIs of " + arm.strategy()).isEqualTo(alone.kpis());
        }
        // each arm's summary line is shown once the arms are done, the day lines fed the progress bar only
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("expanded: ").contains("short: ")
            .doesNotContain(ParallelArms.DAY_LINE);
    }

    @Test
    void anArmThatFailsNamesItsStrategy() {
        SimulationSettings settings = settings(List.of("no-such-dir/champion.bpmn", "expanded"));

        assertThatThrownBy(() -> new ParallelArms(settings, new PrintStream(OutputStream.nullOutputStream())).run())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("the simulation of no-such-dir/champion.bpmn failed (exit code 1)")
            .hasMessageContaining("champion.bpmn does not exist");
    }
}
