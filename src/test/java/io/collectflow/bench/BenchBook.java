package io.collectflow.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CaseWork;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.loan.LoanBookRepository;
import io.collectflow.loan.NewLoan;

/**
 * Fixtures of the benchmarks: a loan book, the baseline processes, a real case's variables and many
 * cases put straight into one of their wait states.
 */
final class BenchBook {

    /** The baseline: start, then one user task for collectors-l1. */
    static final String MINIMAL = "bench-minimal";
    /** The timer baseline: start, a timer at ${dueAt}, then one user task. */
    static final String MINIMAL_TIMER = "bench-minimal-timer";
    static final String GROUP_L1 = "collectors-l1";
    static final String GROUP_L2 = "collectors-l2";

    private static final int CHUNK = 500;

    private final ConfigurableApplicationContext app;
    private final TransactionTemplate tx;
    private final RuntimeService runtime;

    BenchBook(ConfigurableApplicationContext app) {
        this.app = app;
        this.tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        this.runtime = app.getBean(RuntimeService.class);
    }

    /**
     * {@code n} loans {@code <prefix>000001...} (one borrower each, 12 installments, the first due 15 days
     * ago and unpaid), inserted by the loan book's own repository; returns the loan numbers.
     */
    List<String> loans(String prefix, int n) {
        LoanBookRepository repository = app.getBean(LoanBookRepository.class);
        LocalDate firstDue = LocalDate.now().minusDays(15);
        List<String> numbers = new ArrayList<>(n);
        for (int from = 0; from < n; from += CHUNK) {
            List<NewLoan> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                String loanNo = String.format("%s%06d", prefix, i + 1);
                numbers.add(loanNo);
                chunk.add(NewLoan.builder(loanNo).borrower("B" + loanNo, "Borrower " + loanNo)
                    .phone(String.format("+86 138 %04d %04d", i / 10000 % 10000, i % 10000))
                    .email(loanNo.toLowerCase() + "@example.com").address("1 Bench Road, Shanghai")
                    .firstDueOn(firstDue).build());
            }
            tx.executeWithoutResult(s -> {
                Instant now = Instant.now();
                repository.insertBorrowers(chunk.stream().map(NewLoan::borrower).toList(), now);
                repository.insertLoans(chunk, now);
            });
        }
        return numbers;
    }

    /** Deploys the two baseline processes (full history like ours: same engine, same settings). */
    void deployBaselines() {
        BpmnModelInstance minimal = Bpmn.createExecutableProcess(MINIMAL).camundaHistoryTimeToLive(1825)
            .startEvent("StartEvent_Started").userTask("Task_Work").camundaCandidateGroups(GROUP_L1)
            .endEvent("EndEvent_Done").done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess(MINIMAL_TIMER).camundaHistoryTimeToLive(1825)
            .startEvent("StartEvent_Started").intermediateCatchEvent("Timer_Due").timerWithDate("${dueAt}")
            .userTask("Task_Work").camundaCandidateGroups(GROUP_L1).endEvent("EndEvent_Done").done();
        app.getBean(RepositoryService.class).createDeployment().name("benchmark baselines")
            .addModelInstance(MINIMAL + ".bpmn", minimal).addModelInstance(MINIMAL_TIMER + ".bpmn", timer).deploy();
    }

    /** A new first-line case (DPD 15): what the daily scan hands to CaseLifecycle.open. */
    static CaseWork work(String loanNo) {
        return new CaseWork(loanNo, 15, "DPD_1_29", new java.math.BigDecimal("1065.00"), null, null);
    }

    /**
     * Opens one real case the production way (case row + process instance, then its jobs: contact data,
     * dossier, strategy; run here, or by the job executor when it is on) and returns its variables once the
     * collector's call task exists: the variable set every bulk case carries.
     */
    Map<String, Object> realCaseVariables(String loanNo, boolean jobExecutorOn) throws InterruptedException {
        String pid = tx.execute(s -> app.getBean(CaseLifecycle.class).open(work(loanNo), LocalDate.now()));
        TaskService tasks = app.getBean(TaskService.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(CollectionCase.Elements.CALL_BORROWER)
                .count() != 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the real case did not reach " + CollectionCase.Elements.CALL_BORROWER
                    + "; variables " + runtime.getVariables(pid));
            }
            if (jobExecutorOn) {
                Thread.sleep(100);
            } else {
                Jobs.runAllOf(app.getBean(ManagementService.class), pid);
            }
        }
        return new HashMap<>(runtime.getVariables(pid));
    }

    /**
     * Starts one collection case per loan directly before {@code activityId} (process instance modification)
     * with the variables {@code variables} gives for the loan. Returns the elapsed seconds.
     */
    double openAt(String activityId, List<String> loanNos, Function<String, Map<String, Object>> variables,
                  int threads) throws Exception {
        return inBatches(loanNos, threads, loanNo -> runtime.createProcessInstanceByKey(CollectionCase.PROCESS_KEY)
            .businessKey(loanNo).setVariables(variables.apply(loanNo)).startBeforeActivity(activityId).execute());
    }

    /** Runs {@code step} for every key on {@code threads} threads, 100 keys per transaction; elapsed seconds. */
    double inBatches(List<String> keys, int threads, Consumer<String> step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int batch = 100;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(batch); from < keys.size(); from = next.getAndAdd(batch)) {
                        List<String> slice = keys.subList(from, Math.min(keys.size(), from + batch));
                        tx.executeWithoutResult(s -> slice.forEach(step));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return BenchSupport.seconds(start);
    }

    /**
     * {@code n} open collection cases waiting at the collector's call task, four in five for collectors-l1 and
     * one in five for collectors-l2, each with the variables of a real case (opened first, the production way);
     * 2 threads. Returns the seconds spent opening them.
     */
    double openCasesAtCall(String prefix, int n) throws Exception {
        List<String> loanNos = loans(prefix, n);
        Map<String, Object> template = realCaseVariables(loanNos.get(0), false);
        List<String> rest = loanNos.subList(1, loanNos.size());
        Function<String, Map<String, Object>> l1 = like(template, Map.of(CollectionCase.Vars.CANDIDATE_GROUP, GROUP_L1));
        Function<String, Map<String, Object>> l2 = like(template, Map.of(CollectionCase.Vars.CANDIDATE_GROUP, GROUP_L2));
        return openAt(CollectionCase.Elements.CALL_BORROWER, rest,
            loanNo -> (loanNo.hashCode() & 0x7fffffff) % 5 == 0 ? l2.apply(loanNo) : l1.apply(loanNo), 2);
    }

    /** The real case's variables with this loan's number. */
    static Function<String, Map<String, Object>> like(Map<String, Object> template, Map<String, Object> overrides) {
        return loanNo -> {
            Map<String, Object> vars = new HashMap<>(template);
            vars.putAll(overrides);
            vars.put(CollectionCase.Vars.LOAN_NO, loanNo);
            return vars;
        };
    }
}
