package io.collectflow.bench;

import static io.collectflow.bench.BenchSupport.fmt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CaseWork;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.stage.Jobs;

/**
 * Case-start throughput (not a test): our {@code collection-case} against a minimal start → user-task
 * process carrying the same start variables, in the same run, on an H2 file and on embedded PostgreSQL, with
 * 1 and 2 threads, full history. Three kinds of start, measured in alternating rounds so that the load of
 * other processes on this shared machine hits all of them alike:
 * <ol>
 *   <li>baseline: {@code startProcessInstanceByKey("bench-minimal", loanNo, 4 variables)} (one transaction);</li>
 *   <li>case start: {@link CaseLifecycle#open} in its own transaction (case row + instance, up to the first
 *       asynchronous continuation, as the daily scan does it);</li>
 *   <li>case ready: the case start plus its jobs (verify contact data, assemble dossier, strategy DMN) until
 *       the collector's call task exists.</li>
 * </ol>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=cases [-Dstarts=1000] [-Drounds=3] [-Ddb=h2,postgres]}
 */
public final class CaseStartBenchmark {

    private CaseStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int starts = Integer.getInteger("starts", 1000);
        int rounds = Integer.getInteger("rounds", 3);
        BenchSupport.header(fmt("Case-start throughput: %,d starts per kind and round, %d rounds, median of rounds",
            starts, rounds));
        List<String[]> rows = new ArrayList<>();
        System.out.println("cells: rate per second, wall clock (CPU ms per operation of the starting threads);"
            + " ratios: case / minimal (minimal CPU / case CPU)");
        rows.add(new String[] {"database", "threads", "minimal start", "case start", "ratio", "case ready",
            "ratio", "load avg (1/5/15)"});
        for (String kind : BenchSupport.databases("h2,postgres")) {
            try (BenchSupport.Db db = BenchSupport.open(kind);
                 ConfigurableApplicationContext app = BenchSupport.start(db, false)) {
                measure(app, db.name(), starts, rounds, rows);
            }
        }
        BenchSupport.table(rows);
        System.exit(0);
    }

    private static void measure(ConfigurableApplicationContext app, String dbName, int starts, int rounds,
                                List<String[]> rows) throws Exception {
        BenchBook book = new BenchBook(app);
        book.deployBaselines();
        int[] threadCounts = {1, 2};
        int warmup = Math.min(200, starts);
        List<String> loans = book.loans("L", 1 + 3 * warmup + threadCounts.length * rounds * 3 * starts);
        book.realCaseVariables(loans.get(0), false);
        AtomicInteger cursor = new AtomicInteger(1);

        RuntimeService runtime = app.getBean(RuntimeService.class);
        CaseLifecycle lifecycle = app.getBean(CaseLifecycle.class);
        ManagementService management = app.getBean(ManagementService.class);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        Consumer<String> minimal = loanNo -> runtime.startProcessInstanceByKey(BenchBook.MINIMAL, loanNo,
            startVariables(BenchBook.work(loanNo)));
        Consumer<String> caseStart = loanNo -> tx.execute(s -> lifecycle.open(BenchBook.work(loanNo), LocalDate.now()));
        Consumer<String> caseReady = loanNo -> Jobs.runAllOf(management,
            tx.execute(s -> lifecycle.open(BenchBook.work(loanNo), LocalDate.now())));

        // warm-up (JIT, caches, connection pool): every kind once with 2 threads; loan numbers are used once
        rate(next(loans, cursor, warmup), 2, minimal);
        rate(next(loans, cursor, warmup), 2, caseStart);
        rate(next(loans, cursor, warmup / 4), 2, caseReady);
        for (int threads : threadCounts) {
            Rate[] base = new Rate[rounds];
            Rate[] start = new Rate[rounds];
            Rate[] ready = new Rate[rounds];
            for (int r = 0; r < rounds; r++) {
                base[r] = rate(next(loans, cursor, starts), threads, minimal);
                start[r] = rate(next(loans, cursor, starts), threads, caseStart);
                ready[r] = rate(next(loans, cursor, starts / 2), threads, caseReady);
                System.out.printf(Locale.ROOT, "%s, %d thread(s), round %d: minimal %.0f/s (%.2f CPU ms), case start %.0f/s"
                    + " (%.2f CPU ms), case ready %.0f/s (%.2f CPU ms); load %s%n", dbName, threads, r + 1,
                    base[r].perSecond(), base[r].cpuMs(), start[r].perSecond(), start[r].cpuMs(), ready[r].perSecond(),
                    ready[r].cpuMs(), BenchSupport.load());
            }
            double b = median(base, Rate::perSecond);
            double s = median(start, Rate::perSecond);
            double rd = median(ready, Rate::perSecond);
            double bc = median(base, Rate::cpuMs);
            double sc = median(start, Rate::cpuMs);
            double rc = median(ready, Rate::cpuMs);
            rows.add(new String[] {dbName, String.valueOf(threads), fmt("%.0f (%.2f)", b, bc), fmt("%.0f (%.2f)", s, sc),
                fmt("%.2f (%.2f)", s / b, bc / sc), fmt("%.0f (%.2f)", rd, rc), fmt("%.2f (%.2f)", rd / b, bc / rc),
                BenchSupport.load()});
        }
        long cases = runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).count();
        System.out.printf("%s: %,d collection cases running at the end%n", dbName, cases);
    }

    /** The variables CaseLifecycle.open starts a case with. */
    private static Map<String, Object> startVariables(CaseWork work) {
        return Variables.createVariables()
            .putValue(CollectionCase.Vars.LOAN_NO, work.loanNo())
            .putValue(CollectionCase.Vars.DPD, work.dpd())
            .putValue(CollectionCase.Vars.BUCKET, work.bucket())
            .putValue(CollectionCase.Vars.OVERDUE_AMOUNT, work.overdueAmount().doubleValue());
    }

    private static double median(Rate[] rates, java.util.function.ToDoubleFunction<Rate> value) {
        return BenchSupport.percentile(java.util.Arrays.stream(rates).mapToDouble(value).toArray(), 50);
    }

    private static List<String> next(List<String> loans, AtomicInteger cursor, int n) {
        int from = cursor.getAndAdd(n);
        return loans.subList(from, from + n);
    }

    /**
     * Runs {@code op} once per loan on {@code threads} threads; returns operations per second (wall clock) and
     * CPU milliseconds per operation of the calling threads (with H2 that includes the database's work; with
     * PostgreSQL the server's CPU is not in it). CPU per operation stays meaningful when other processes load
     * the machine; the wall-clock rate does not.
     */
    static Rate rate(List<String> loans, int threads, Consumer<String> op) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long cpu = mx.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < loans.size(); i = next.getAndIncrement()) {
                        op.accept(loans.get(i));
                    }
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Rate(loans.size() / BenchSupport.seconds(start), cpuNanos.get() / 1e6 / loans.size());
    }

    /** Operations per second (wall clock) and CPU milliseconds per operation. */
    record Rate(double perSecond, double cpuMs) {
    }
}
