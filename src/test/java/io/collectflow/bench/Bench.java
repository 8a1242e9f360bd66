package io.collectflow.bench;

/**
 * Entry point of the {@code bench} Maven profile: {@code -Dbench=NAME} picks the benchmark (default
 * {@code scan}, the delinquency scan of {@link ScanBenchmark}). See BENCHMARKS.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("bench", "scan");
        switch (name) {
            case "scan" -> ScanBenchmark.main(args);
            case "cases" -> CaseStartBenchmark.main(args);
            case "timers" -> TimerDrainBenchmark.main(args);
            case "tasks" -> TaskQueryBenchmark.main(args);
            case "heap" -> OpenCaseHeapBenchmark.main(args);
            default -> {
                System.err.println("-Dbench: scan, cases, timers, tasks or heap, not " + name);
                System.exit(2);
            }
        }
    }
}
