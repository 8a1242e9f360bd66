package io.collectflow.bench;

import static io.collectflow.bench.BenchSupport.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.casework.tasklist.TasklistFilters;

/**
 * Task queries by candidate group with {@code -Dtasks} open collection cases at the call task (not a test):
 * the first page (50, newest first) and the count, p50/p95/max over {@code -Dqueries} repetitions, once as the
 * system (no authorization check) and once as a collector of the group (authorization checks on, as Tasklist
 * and /engine-rest query), beside the floor of one database round trip in the same run.
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=tasks [-Dtasks=100000] [-Dqueries=200]}
 */
public final class TaskQueryBenchmark {

    private TaskQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.getInteger("tasks", 100_000);
        int queries = Integer.getInteger("queries", 200);
        BenchSupport.header(fmt("Task query by candidate group: %,d open cases at Task_CallBorrower, %d queries each",
            tasks, queries));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"database", "open tasks", "group (tasks)", "as", "query", "runs", "p50 ms", "p95 ms", "max ms",
            "load avg (1/5/15)"});
        for (String kind : BenchSupport.databases("postgres")) {
            try (BenchSupport.Db db = BenchSupport.open(kind);
                 ConfigurableApplicationContext app = BenchSupport.start(db, false)) {
                double setup = new BenchBook(app).openCasesAtCall("Q", tasks);
                System.out.printf("%s: %,d cases opened at the call task in %.0f s (load %s)%n", db.name(), tasks, setup,
                    BenchSupport.load());
                // steady state: autovacuum would have analyzed the tables the bulk set-up just filled
                app.getBean(JdbcTemplate.class).execute("ANALYZE");
                measure(app, db.name(), queries, rows);
            }
        }
        BenchSupport.table(rows);
        System.exit(0);
    }

    private static void measure(ConfigurableApplicationContext app, String dbName, int queries, List<String[]> rows) {
        TaskService taskService = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        String open = fmt("%,d", taskService.createTaskQuery().count());
        // the floor in the same run: one database round trip (pool, driver, scheduling on this shared machine)
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        rows.add(row(dbName, open, "-", "baseline", "SELECT 1 round trip",
            time(queries, () -> jdbc.queryForObject("SELECT 1", Long.class))));
        for (String group : List.of(BenchBook.GROUP_L1, BenchBook.GROUP_L2)) {
            String groupLabel = fmt("%s (%,d)", group, taskService.createTaskQuery().taskCandidateGroup(group).count());
            for (boolean asCollector : new boolean[] {false, true}) {
                if (asCollector) {
                    identity.setAuthentication("bench-collector", List.of(group));
                }
                try {
                    String as = asCollector ? "collector (authorization checks)" : "system";
                    double[] page = time(queries, () -> query(taskService, group).listPage(0, 50).size());
                    rows.add(row(dbName, open, groupLabel, as, "listPage(0, 50)", page));
                    double[] count = time(queries, () -> query(taskService, group).count());
                    rows.add(row(dbName, open, groupLabel, as, "count()", count));
                    if (asCollector) {
                        String filterId = tasklistFilter(app, group);
                        FilterService filters = app.getBean(FilterService.class);
                        double[] badge = time(queries, () -> filters.count(filterId));
                        rows.add(row(dbName, open, groupLabel, as, "Tasklist filter count (cached, collectflow.task-query"
                            + ".count-cache = " + app.getEnvironment().getProperty("collectflow.task-query.count-cache") + ")",
                            badge));
                    }
                } finally {
                    identity.clearAuthentication();
                }
            }
        }
    }

    /** The group's Tasklist filter as the application creates it (First line / Second line). */
    private static String tasklistFilter(ConfigurableApplicationContext app, String group) {
        String name = BenchBook.GROUP_L1.equals(group) ? TasklistFilters.FIRST_LINE : TasklistFilters.SECOND_LINE;
        return app.getBean(FilterService.class).createFilterQuery().filterName(name).singleResult().getId();
    }

    /** What Tasklist asks for a group: its candidate tasks, newest first. */
    private static TaskQuery query(TaskService taskService, String group) {
        return taskService.createTaskQuery().taskCandidateGroupIn(List.of(group)).orderByTaskCreateTime().desc();
    }

    /**
     * Milliseconds of each of {@code n} runs, after {@code n / 10} unmeasured warm-up runs; stops early once the
     * runs took {@code -Dquery.budget} seconds (default 60), so a slow query does not hold the benchmark for hours.
     */
    private static double[] time(int n, LongSupplier query) {
        long budget = Long.getLong("query.budget", 60) * 1_000_000_000L;
        long sink = 0;
        for (int i = 0; i < Math.max(5, n / 10); i++) {
            sink += query.getAsLong();
        }
        double[] ms = new double[n];
        long begin = System.nanoTime();
        int done = 0;
        while (done < n && (done < 5 || System.nanoTime() - begin < budget)) {
            long start = System.nanoTime();
            sink += query.getAsLong();
            ms[done++] = (System.nanoTime() - start) / 1e6;
        }
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return java.util.Arrays.copyOf(ms, done);
    }

    private static String[] row(String db, String open, String group, String as, String query, double[] ms) {
        String[] row = {db, open, group, as, query, String.valueOf(ms.length), fmt("%.1f", BenchSupport.percentile(ms, 50)),
            fmt("%.1f", BenchSupport.percentile(ms, 95)), fmt("%.1f", BenchSupport.percentile(ms, 100)),
            BenchSupport.load()};
        System.out.println(String.join(" | ", row));
        return row;
    }
}
