package io.collectflow.simulation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One simulation: the portfolio (size, seed, start, seasoning), the horizon, the staff (tasks worked per day,
 * share of attempts outside the contact window) and the strategies to compare. A strategy is a variant name
 * of {@code collection-strategy.dmn} ({@code expanded}, {@code short}) or the path of a BPMN/DMN file (or
 * several, separated by {@code +}) deployed into that run's engine only.
 *
 * @param capacity     tasks the staff can work per simulated day
 * @param offHoursShare share of task attempts made outside the contact window (the guard refuses them)
 * @param seasoningMonths loans are disbursed up to this many months (+ 1) before the start
 * @param historyLevel  the engine's history level in the simulation ({@code activity}: process, activity and task
 *                      history, all the KPIs read; {@code audit} adds variable history, {@code full} every variable
 *                      update)
 * @param behaviour     a scenario file overriding the borrower profiles' parameters ({@link BehaviourModel}), or null
 * @param workers       threads working the loans' tasks and jobs at once ({@link LoanWorkers}); the figures are the
 *                      same with any number, only the time differs
 */
public record SimulationSettings(int loans, int days, long seed, LocalDate start, int seasoningMonths, int capacity,
        double offHoursShare, List<String> strategies, Path outputDir, boolean progress, String historyLevel,
        Path behaviour, int workers) {

    /**
     * Workers unless {@code -Dworkers} says otherwise: two, or one on a one-core machine (measured on two cores,
     * BENCHMARKS.md "Simulation on two workers").
     */
    static final int DEFAULT_WORKERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /** History levels the simulation accepts (Camunda's names). */
    static final List<String> HISTORY_LEVELS = List.of("activity", "audit", "full");

    public SimulationSettings {
        if (loans < 1) {
            throw new IllegalArgumentException("loans must be at least 1, not " + loans);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 task a day, not " + capacity);
        }
        if (offHoursShare < 0 || offHoursShare > 1) {
            throw new IllegalArgumentException("offHours must be between 0 and 1, not " + offHoursShare);
        }
        if (strategies == null || strategies.isEmpty() || strategies.size() > 2) {
            throw new IllegalArgumentException("give one strategy, or two to compare (champion,challenger)");
        }
        strategies = List.copyOf(strategies);
        if (!HISTORY_LEVELS.contains(historyLevel)) {
            throw new IllegalArgumentException("history must be one of " + HISTORY_LEVELS + ", not " + historyLevel);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
    }

    /** Settings with the default number of workers. */
    public SimulationSettings(int loans, int days, long seed, LocalDate start, int seasoningMonths, int capacity,
            double offHoursShare, List<String> strategies, Path outputDir, boolean progress, String historyLevel,
            Path behaviour) {
        this(loans, days, seed, start, seasoningMonths, capacity, offHoursShare, strategies, outputDir, progress,
            historyLevel, behaviour, DEFAULT_WORKERS);
    }

    /** Settings with the borrower profiles' default behaviour. */
    public SimulationSettings(int loans, int days, long seed, LocalDate start, int seasoningMonths, int capacity,
            double offHoursShare, List<String> strategies, Path outputDir, boolean progress, String historyLevel) {
        this(loans, days, seed, start, seasoningMonths, capacity, offHoursShare, strategies, outputDir, progress,
            historyLevel, null);
    }

    /** Settings from system properties ({@code -Dloans=… -Ddays=…}), defaulting to a quick 1,000 × 90 run. */
    public static SimulationSettings fromSystemProperties() {
        int loans = Integer.getInteger("loans", 1_000);
        return new SimulationSettings(loans, Integer.getInteger("days", 90), Long.getLong("seed", 20_261_128L),
            LocalDate.parse(System.getProperty("start", "2026-01-01")), Integer.getInteger("seasoning", 2),
            capacity(Integer.getInteger("capacity", 0), loans),
            Double.parseDouble(System.getProperty("offHours", "0.05")),
            List.of(System.getProperty("strategies", "expanded,short").split(",")),
            Path.of(System.getProperty("out", "target/simulation")), !Boolean.getBoolean("quiet"),
            System.getProperty("history", "activity"),
            System.getProperty("behaviour", "").isBlank() ? null : Path.of(System.getProperty("behaviour").trim()),
            Integer.getInteger("workers", DEFAULT_WORKERS));
    }

    /** The same settings on another portfolio (a replication, {@code -Dreplications}). */
    SimulationSettings withSeed(long otherSeed) {
        return new SimulationSettings(loans, days, otherSeed, start, seasoningMonths, capacity, offHoursShare, strategies,
            outputDir, progress, historyLevel, behaviour, workers);
    }

    /** The same settings worked by {@code count} workers. */
    SimulationSettings withWorkers(int count) {
        return new SimulationSettings(loans, days, seed, start, seasoningMonths, capacity, offHoursShare, strategies,
            outputDir, progress, historyLevel, behaviour, count);
    }

    /** The JVM options that give these settings, with {@code strategy} only, to another JVM's {@link #fromSystemProperties()}. */
    List<String> asSystemProperties(String strategy) {
        return List.of("-Dloans=" + loans, "-Ddays=" + days, "-Dseed=" + seed, "-Dstart=" + start,
            "-Dseasoning=" + seasoningMonths, "-Dcapacity=" + capacity, "-DoffHours=" + offHoursShare,
            "-Dstrategies=" + strategy, "-Dout=" + outputDir, "-Dquiet=" + !progress, "-Dhistory=" + historyLevel,
            "-Dbehaviour=" + (behaviour == null ? "" : behaviour), "-Dworkers=" + workers);
    }

    /** Tasks per day: as given, or (0) one task per five loans, at least 100. */
    private static int capacity(int given, int loans) {
        return given > 0 ? given : Math.max(100, loans / 5);
    }

    /** A strategy given as a file path (or several joined by '+') rather than a variant name. */
    static boolean isFile(String strategy) {
        return strategy.endsWith(".bpmn") || strategy.endsWith(".dmn") || strategy.contains("/") || strategy.contains("+");
    }
}
