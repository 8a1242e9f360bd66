package io.collectflow.simulation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.function.IntConsumer;

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
        String armResult = System.getProperty(ParallelArms.RESULT_PROPERTY);
        if (armResult != null) {
            // one arm of a parallel run (ParallelArms): its days for the progress bar, its result to the file
            try {
                SimulationResult result = simulate(settings.strategies().get(0).trim(), settings, out,
                    day -> out.println(ParallelArms.DAY_LINE + day));
                ParallelArms.write(result, Path.of(armResult));
            } catch (RuntimeException e) {
                out.println("failed: " + Simulator.describe(e));
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        }
        out.printf("Simulating %d loans over %d days from %s (seed %d), strategies %s%s%n", settings.loans(),
            settings.days(), settings.start(), settings.seed(), settings.strategies(),
            ParallelArms.wanted(settings) ? ", each in a JVM of its own at the same time" : "");
        List<SimulationResult> results = new ArrayList<>();
        if (ParallelArms.wanted(settings)) {
            results.addAll(new ParallelArms(settings, out).run());
        } else {
            for (String strategy : settings.strategies()) {
                ProgressBar bar = new ProgressBar(out, strategy.trim(), settings.days());
                results.add(simulate(strategy.trim(), settings, out, settings.progress() ? bar::update : day -> { }));
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

    /** Runs one strategy in an engine of its own and prints its counters, phases and anything that went wrong. */
    private static SimulationResult simulate(String strategy, SimulationSettings settings, PrintStream out,
                                             IntConsumer onDay) {
        try (Simulator simulator = Simulator.start(strategy, settings)) {
            SimulationResult result = simulator.run(onDay);
            out.printf("%s: %d cases, %d tasks, %d jobs, %d payments in %ds (CPU %ds); phases %s%n", strategy,
                result.casesOpened(), result.tasksCompleted(), result.jobsExecuted(), result.paymentsPosted(),
                result.elapsed().toSeconds(), result.cpu().toSeconds(), simulator.phaseSeconds());
            warn(out, "failed jobs", result.jobFailures().toString(), result.jobFailures().isEmpty());
            warn(out, "task errors", result.taskErrors().toString(), result.taskErrors().isEmpty());
            warn(out, "tasks left open (no simulated behaviour)", result.unhandledTasks().toString(),
                result.unhandledTasks().isEmpty());
            return result;
        }
    }

    private static void warn(PrintStream out, String what, String detail, boolean none) {
        if (!none) {
            out.println("  " + what + ": " + detail);
        }
    }
}
