package io.collectflow.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Runs the two arms of a champion/challenger simulation at the same time, each in a JVM of its own, and
 * collects their results. One JVM cannot hold two simulated engines at two different times (Camunda's clock,
 * {@code ClockUtil}, is one per JVM). Each arm is one simulating thread plus its JVM's compiler and collector;
 * on this project's two-core machines the full-size comparison (10,000 × 180) took 11 min 26 s, where one arm
 * alone took 9 min 33 s ({@link #wanted}). The arms are the same runs as one after another (same seed, same
 * portfolio, each in its own engine), so the figures are the same too.
 *
 * <p>An arm's JVM gets this JVM's {@code -X} options (so {@code sim.xmx} applies to each arm), the settings
 * with its one strategy and the file to write its result to; it reports its days on its standard output as
 * {@code @day n} lines, which feed one progress bar here; its other lines (its summary, what went wrong) are
 * shown once both arms are done.
 */
final class ParallelArms {

    /** System property of an arm's JVM: the file its {@link SimulationResult} is written to (JSON). */
    static final String RESULT_PROPERTY = "simulation.arm-result";
    /** What an arm prints after each simulated day, followed by the number of days done. */
    static final String DAY_LINE = "@day ";
    /** Loans × days from which two arms at once pay on two cores (measured between 180,000 and 600,000). */
    static final long LONG_RUN = 500_000;

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final SimulationSettings settings;
    private final PrintStream out;

    ParallelArms(SimulationSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Two strategies, unless {@code -Dparallel=false}, on four or more cores, or on two when the run is long
     * ({@link #LONG_RUN} loan-days or more). A simulating JVM keeps more than its simulating thread busy: its
     * JIT compiler took 56 s of CPU in a 61 s run of 2,000 × 90, on the other core. On two cores two arms at
     * once were slower than one after another for 2,000 × 90 (2 min 26 s against 2 min 13 s) and faster for
     * 5,000 × 120 (4 min 47 s against 6 min 20 s), where the compiler's warm-up weighs less
     * (BENCHMARKS.md "Champion/challenger arms at the same time").
     */
    static boolean wanted(SimulationSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean worth = cores >= 4 || cores >= 2 && (long) settings.loans() * settings.days() >= LONG_RUN;
        return settings.strategies().size() > 1 && worth && Boolean.parseBoolean(System.getProperty("parallel", "true"));
    }

    /** Runs every strategy in a JVM of its own, all at once; the results in the order of the strategies. */
    List<SimulationResult> run() throws IOException, InterruptedException {
        return run(true);
    }

    /**
     * Runs every strategy in a JVM of its own; {@code atOnce} false starts an arm only when the one before it
     * has ended (what the parallel run is compared with).
     */
    List<SimulationResult> run(boolean atOnce) throws IOException, InterruptedException {
        List<String> strategies = settings.strategies().stream().map(String::trim).toList();
        Path dir = Files.createTempDirectory("simulation-arms");
        AtomicIntegerArray days = new AtomicIntegerArray(strategies.size());
        ProgressBar bar = new ProgressBar(out, String.join(" | ", strategies), settings.days());
        // arms at once share the cores: each gets its share of the workers
        SimulationSettings armSettings = atOnce
            ? settings.withWorkers(Math.max(1, settings.workers() / strategies.size())) : settings;
        List<Arm> arms = new ArrayList<>();
        try {
            for (int i = 0; i < strategies.size(); i++) {
                Arm arm = new Arm(strategies.get(i), armSettings, dir.resolve("arm-" + i + ".json"));
                arms.add(arm);
                arm.start(i, days, bar);
                if (!atOnce) {
                    arm.await();
                }
            }
            for (Arm arm : arms) {
                arm.await();
            }
            List<SimulationResult> results = new ArrayList<>();
            for (Arm arm : arms) {
                arm.lines.forEach(out::println);
                results.add(readResult(arm.result));
            }
            return results;
        } finally {
            arms.forEach(Arm::stop);
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** One arm's JVM, the thread reading its output, and what it printed besides its days. */
    private final class Arm {
        private final String strategy;
        private final SimulationSettings armSettings;
        private final Path result;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private Process process;
        private Thread reader;

        Arm(String strategy, SimulationSettings armSettings, Path result) {
            this.strategy = strategy;
            this.armSettings = armSettings;
            this.result = result;
        }

        void start(int index, AtomicIntegerArray days, ProgressBar bar) throws IOException {
            process = new ProcessBuilder(command(armSettings, strategy, result)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            reader = new Thread(() -> read(index, days, bar), "simulation-arm-" + index);
            reader.setDaemon(true);
            reader.start();
        }

        void await() throws InterruptedException {
            int exit = process.waitFor();
            reader.join();
            if (exit != 0) {
                throw new IllegalStateException("the simulation of " + strategy + " failed (exit code " + exit
                    + "); its output:\n  " + String.join("\n  ", lines));
            }
        }

        void stop() {
            if (process != null) {
                process.destroyForcibly();
            }
        }

        private void read(int index, AtomicIntegerArray days, ProgressBar bar) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.startsWith(DAY_LINE)) {
                        lines.add(line);
                        continue;
                    }
                    days.set(index, Integer.parseInt(line.substring(DAY_LINE.length()).trim()));
                    if (settings.progress()) {
                        synchronized (bar) {
                            bar.update(slowest(days));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int slowest(AtomicIntegerArray days) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < days.length(); i++) {
            min = Math.min(min, days.get(i));
        }
        return min;
    }

    /** This JVM's java and -X options (heap, collector), the settings with the arm's strategy, its result file. */
    private static List<String> command(SimulationSettings settings, String strategy, Path result) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(o -> o.startsWith("-X"))
            .forEach(command::add);
        command.addAll(settings.asSystemProperties(strategy));
        command.addAll(List.of("-D" + RESULT_PROPERTY + "=" + result, "-cp", System.getProperty("java.class.path"),
            SimulationMain.class.getName()));
        return command;
    }

    /** Writes an arm's result for the JVM that started it. */
    static void writeResult(SimulationResult result, Path file) throws IOException {
        JSON.writeValue(file.toFile(), result);
    }

    static SimulationResult readResult(Path file) throws IOException {
        return JSON.readValue(file.toFile(), SimulationResult.class);
    }
}
