package io.collectflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.collectflow.CollectFlowApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What every benchmark main class shares: the machine line (cores, RAM, load average, JVM), the
 * databases (embedded PostgreSQL 16 or an H2 file) and the whole application started on them.
 */
final class BenchSupport {

    private BenchSupport() {
    }

    /** A database the application runs on during a benchmark; closing it removes it. */
    interface Db extends AutoCloseable {
        String name();

        List<String> springArgs();

        @Override
        void close() throws IOException;
    }

    /** {@code -Ddb=postgres,h2}: the databases a benchmark runs on, in that order. */
    static List<String> databases(String defaults) {
        String chosen = System.getProperty("db", "");
        return Arrays.stream((chosen.isBlank() ? defaults : chosen).split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).toList();
    }

    static Db open(String kind) throws IOException {
        return switch (kind) {
            case "postgres" -> postgres();
            case "h2" -> h2File();
            default -> throw new IllegalArgumentException("-Ddb: postgres or h2, not " + kind);
        };
    }

    /**
     * Embedded PostgreSQL 16 (zonky). fsync and synchronous commit are off unless {@code -Dfsync=on}: the
     * disk of this shared machine is not what we measure; the ratios against the baseline hold either way.
     */
    private static Db postgres() throws IOException {
        boolean fsync = "on".equals(System.getProperty("fsync"));
        // zonky logs every line of initdb and the server at INFO before Spring configures logging
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
            .setLevel(ch.qos.logback.classic.Level.WARN);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setServerConfig("fsync", fsync ? "on" : "off")
            .setServerConfig("synchronous_commit", fsync ? "on" : "off")
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("max_connections", "100")
            .start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new Db() {
            public String name() {
                return "PostgreSQL 16" + (fsync ? "" : " (fsync off)");
            }

            public List<String> springArgs() {
                return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--camunda.bpm.database.type=postgres");
            }

            public void close() throws IOException {
                postgres.close();
            }
        };
    }

    /** An H2 database file in a fresh temporary directory (the demo's database kind). */
    private static Db h2File() throws IOException {
        Path dir = Files.createTempDirectory("collectflow-bench-h2");
        return new Db() {
            public String name() {
                return "H2 file";
            }

            public List<String> springArgs() {
                return List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("bench") + ";LOCK_TIMEOUT=10000",
                    "--spring.datasource.username=sa", "--spring.datasource.password=");
            }

            public void close() throws IOException {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        };
    }

    /**
     * The whole application (profile {@code test}: no demo data, no scheduled scan, job executor off unless
     * {@code jobExecutor}) on the given database, with full history and the job-executor settings of
     * application.yaml. Extra program arguments ({@code -Dbench.args="--key=value ..."}) come last.
     */
    static ConfigurableApplicationContext start(Db db, boolean jobExecutor, String... args) {
        List<String> all = new ArrayList<>(db.springArgs());
        all.add("--server.port=0");
        all.add("--camunda.bpm.history-level=full");
        all.add("--camunda.bpm.job-execution.enabled=" + jobExecutor);
        all.add("--logging.level.root=WARN");
        all.add("--logging.level.io.zonky=WARN");
        all.addAll(Arrays.asList(args));
        for (String extra : System.getProperty("bench.args", "").trim().split("\\s+")) {
            if (!extra.isBlank()) {
                all.add(extra);
            }
        }
        return new SpringApplicationBuilder(CollectFlowApplication.class).profiles("test").run(all.toArray(String[]::new));
    }

    /** One line about the machine and the JVM, printed above every table. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %s RAM, Java %s (%s), max heap %,d MB",
            rt.availableProcessors(), totalRam(), Runtime.version(), System.getProperty("java.vm.name"),
            rt.maxMemory() >> 20);
    }

    /** The 1/5/15-minute load average now (other processes share this machine). */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String totalRam() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "? GB";
    }

    static void header(String title) {
        System.out.printf(Locale.ROOT, "%n== %s ==%n%s; load average at start %s%n", title, machine(), load());
    }

    /** A plain-text table: the first row is the header. */
    static void table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("| ");
            for (int i = 0; i < width.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + width[i] + "s | ", rows.get(r)[i]));
            }
            System.out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int w : width) {
                    rule.append("-".repeat(w + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
    }

    static String fmt(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The p-th percentile (0..100) of the values, nearest rank. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
