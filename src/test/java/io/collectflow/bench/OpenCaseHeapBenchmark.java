package io.collectflow.bench;

import static io.collectflow.bench.BenchSupport.fmt;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;

import io.collectflow.casework.CollectionCase;

/**
 * Heap of the application with {@code -Dcases} open collection cases (not a test): used heap after a full GC
 * once the application is up, once the cases are open at the call task, and after Tasklist-like queries over
 * them. Run it with the heap the target allows to prove the cases fit:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=heap -Dbench.xmx=1g [-Dcases=100000]}
 */
public final class OpenCaseHeapBenchmark {

    private OpenCaseHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("cases", 100_000);
        BenchSupport.header(fmt("Heap with %,d open collection cases", cases));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"database", "moment", "open cases", "used heap after GC", "committed heap", "max heap",
            "load avg (1/5/15)"});
        for (String kind : BenchSupport.databases("postgres")) {
            try (BenchSupport.Db db = BenchSupport.open(kind);
                 ConfigurableApplicationContext app = BenchSupport.start(db, false)) {
                RuntimeService runtime = app.getBean(RuntimeService.class);
                rows.add(row(db.name(), "application started", runtime));
                double setup = new BenchBook(app).openCasesAtCall("H", cases);
                System.out.printf("%s: %,d cases opened in %.0f s%n", db.name(), cases, setup);
                rows.add(row(db.name(), "cases open at the call task", runtime));
                TaskService tasks = app.getBean(TaskService.class);
                for (int i = 0; i < 50; i++) {
                    tasks.createTaskQuery().taskCandidateGroup(BenchBook.GROUP_L1).orderByTaskCreateTime().desc()
                        .listPage(i * 50, 50);
                }
                rows.add(row(db.name(), "after 50 task pages", runtime));
            }
        }
        BenchSupport.table(rows);
        System.exit(0);
    }

    private static String[] row(String db, String moment, RuntimeService runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long open = runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).count();
        return new String[] {db, moment, fmt("%,d", open), fmt("%,d MB", heap.getUsed() >> 20),
            fmt("%,d MB", heap.getCommitted() >> 20), fmt("%,d MB", heap.getMax() >> 20), BenchSupport.load()};
    }
}
