package io.collectflow.simulation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The strategy simulator's command line ({@code ./mvnw -Psimulate -Dloans=10000 -Ddays=180}, README
 * "Strategy simulator"): runs each strategy on the same synthetic portfolio in an engine of its own, shows a
 * progress bar, prints the KPIs side by side against the I7 targets and writes CSV and HTML results.
 */
public final class SimulationMain {

    private SimulationMain() {
    }

    public static void main(String[] args) throws Exception {
        // the engine's "today" must be the borrowers' day: simulate in their zone
        TimeZone.setDefault(TimeZone.getTimeZone(Simulator.ZONE));
        SimulationSettings settings = SimulationSettings.fromSystemProperties();
        PrintStream out = System.out;
        out.printf("Simulating %d loans over %d days from %s (seed %d), strategies %s%n", settings.loans(),
            settings.days(), settings.start(), settings.seed(), settings.strategies());
        List<SimulationResult> results = new ArrayList<>();
        for (String strategy : settings.strategies()) {
            try (Simulator simulator = Simulator.start(strategy.trim(), settings)) {
                ProgressBar bar = new ProgressBar(out, strategy.trim(), settings.days());
                SimulationResult result = simulator.run(settings.progress() ? bar::update : day -> { });
                results.add(result);
                out.printf("%s: %d cases, %d tasks, %d jobs, %d payments in %ds (CPU %ds); phases %s%n", strategy.trim(),
                    result.casesOpened(), result.tasksCompleted(), result.jobsExecuted(), result.paymentsPosted(),
                    result.elapsed().toSeconds(), result.cpu().toSeconds(), simulator.phaseSeconds());
                warn(out, "failed jobs", result.jobFailures().toString(), result.jobFailures().isEmpty());
                warn(out, "task errors", result.taskErrors().toString(), result.taskErrors().isEmpty());
                warn(out, "tasks left open (no simulated behaviour)", result.unhandledTasks().toString(),
                    result.unhandledTasks().isEmpty());
            }
        }
        SimulationReport report = new SimulationReport(results);
        out.println();
        report.print(out);
        List<Path> files = report.write(settings.outputDir());
        out.println();
        files.forEach(f -> out.println("Written " + f.toAbsolutePath()));
        System.exit(0);
    }

    private static void warn(PrintStream out, String what, String detail, boolean none) {
        if (!none) {
            out.println("  " + what + ": " + detail);
        }
    }
}
