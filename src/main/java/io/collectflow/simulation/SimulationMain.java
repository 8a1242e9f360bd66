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
 * progress bar, prints the KPIs side by side against the I7 targets and writes CSV and HTML results; with
 * {@code -Dreplications=N} it repeats the comparison on N portfolios and adds the differences' intervals.
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
                ParallelArms.writeResult(result, Path.of(armResult));
            } catch (RuntimeException e) {
                out.println("failed: " + Simulator.describe(e));
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        }
        int replications = Integer.getInteger("replications", 1);
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, not " + replications);
        }
        out.printf("Simulating %d loans over %d days from %s (seed %d%s), strategies %s%s, %d worker%s%n",
            settings.loans(), settings.days(), settings.start(), settings.seed(),
            replications > 1 ? " and the next " + (replications - 1) : "", settings.strategies(),
            ParallelArms.wanted(settings) ? ", each in a JVM of its own at the same time" : "", settings.workers(),
            settings.workers() == 1 ? "" : "s");
        out.println("Borrower behaviour: " + SimulationReport.behaviour(settings));
        List<List<SimulationResult>> bySeed = replicate(settings, replications, out);
        Replications over = replications > 1 ? new Replications(bySeed) : null;
        SimulationReport report = new SimulationReport(bySeed.get(0), over);
        out.println();
        report.print(out);
        List<Path> files = new ArrayList<>(report.write(settings.outputDir()));
        if (over != null) {
            out.println();
            over.print(out);
            files.add(over.write(settings.outputDir()));
        }
        out.println();
        files.forEach(f -> out.println("Written " + f.toAbsolutePath()));
        System.exit(0);
    }

    /** The strategies on {@code replications} portfolios: the settings' seed and the next ones. */
    static List<List<SimulationResult>> replicate(SimulationSettings settings, int replications, PrintStream out)
            throws Exception {
        List<List<SimulationResult>> bySeed = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            bySeed.add(arms(settings.withSeed(settings.seed() + r), out));
        }
        return bySeed;
    }

    /** Every strategy on one portfolio: at the same time in JVMs of their own where that pays, else here in turn. */
    private static List<SimulationResult> arms(SimulationSettings settings, PrintStream out) throws Exception {
        if (ParallelArms.wanted(settings)) {
            return new ParallelArms(settings, out).run();
        }
        List<SimulationResult> results = new ArrayList<>();
        for (String strategy : settings.strategies()) {
            ProgressBar bar = new ProgressBar(out, strategy.trim(), settings.days());
            results.add(simulate(strategy.trim(), settings, out, settings.progress() ? bar::update : day -> { }));
        }
        return results;
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
