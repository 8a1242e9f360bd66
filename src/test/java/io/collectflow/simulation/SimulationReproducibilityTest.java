package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The same settings and seed give the same simulation, day by day: a strategy analyst compares a champion with a
 * challenger on the same portfolio, and a difference must come from the strategies, not from the run — nor from
 * the engine's ids, which follow the order of work and would differ between two strategies.
 */
class SimulationReproducibilityTest {

    private static SimulationResult simulate(long seed) {
        return simulate(seed, "expanded");
    }

    private static SimulationResult simulate(long seed, String strategy) {
        return simulate(seed, strategy, SimulationSettings.DEFAULT_WORKERS);
    }

    private static SimulationResult simulate(long seed, String strategy, int workers) {
        SimulationSettings settings = new SimulationSettings(100, 30, seed, LocalDate.of(2026, 1, 5), 2, 80, 0.10,
            List.of(strategy), Path.of("target/simulation-test"), false, "activity").withWorkers(workers);
        try (Simulator simulator = Simulator.start(strategy, settings)) {
            return simulator.run(day -> { });
        }
    }

    @Test
    void theSameSeedGivesTheSameDays() {
        SimulationResult first = simulate(7L);
        SimulationResult second = simulate(7L);

        assertThat(first.tasksCompleted()).as("tasks completed").isPositive();
        assertThat(second.days()).as("the day series of the second run").isEqualTo(first.days());
        assertThat(second.tasksCompleted()).isEqualTo(first.tasksCompleted());
        assertThat(second.jobsExecuted()).isEqualTo(first.jobsExecuted());
        assertThat(second.paymentsAmount()).isEqualByComparingTo(first.paymentsAmount());
        assertThat(second.kpis().overdueRates()).isEqualTo(first.kpis().overdueRates());
    }

    @Test
    void threeWorkersGiveTheFiguresOfOne() {
        SimulationResult one = simulate(11L, "expanded", 1);
        SimulationResult three = simulate(11L, "expanded", 3);

        assertThat(one.tasksCompleted()).as("tasks completed").isPositive();
        assertThat(one.blockedByGuard()).as("completions the guard refused").isPositive();
        assertThat(three.days()).as("the day series on three workers").isEqualTo(one.days());
        assertThat(three.tasksCompleted()).isEqualTo(one.tasksCompleted());
        assertThat(three.blockedByGuard()).isEqualTo(one.blockedByGuard());
        assertThat(three.jobsExecuted()).isEqualTo(one.jobsExecuted());
        assertThat(three.paymentsAmount()).isEqualByComparingTo(one.paymentsAmount());
        assertThat(three.kpis().overdueRates()).isEqualTo(one.kpis().overdueRates());
        assertThat(three.jobFailures()).isEqualTo(one.jobFailures());
        assertThat(three.taskErrors()).isEqualTo(one.taskErrors());
    }

    @Test
    void theEnginesIdsDoNotSteerTheDice() {
        // the shipped work-priority table deployed once more as the strategy: the same models, every id shifted
        SimulationResult plain = simulate(7L);
        SimulationResult shifted = simulate(7L, "processes/work-priority.dmn");

        assertThat(shifted.days()).as("the day series with the engine's ids shifted").isEqualTo(plain.days());
        assertThat(shifted.tasksCompleted()).isEqualTo(plain.tasksCompleted());
        assertThat(shifted.jobsExecuted()).isEqualTo(plain.jobsExecuted());

        // a process as the strategy is deployed with the application's forms (a deployment must hold its forms)
        SimulationResult process = simulate(7L, "processes/collection-strategy.dmn+processes/collection-case.bpmn");
        assertThat(process.days()).as("the shipped process and table deployed once more").isEqualTo(plain.days());
    }
}
