package io.collectflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.collectflow.casework.stage.Jobs;
import io.collectflow.loan.delinquency.DelinquencyScanService;
import io.collectflow.loan.delinquency.DelinquencyScanner;
import io.collectflow.loan.delinquency.LoanBookFixture;
import io.collectflow.loan.delinquency.ScanAlreadyRunningException;
import io.collectflow.loan.delinquency.ScanLock;
import io.collectflow.loan.delinquency.ScanResult;

/**
 * Scan → cases on the real engine and a real database (subclasses: H2 and PostgreSQL): one case per
 * delinquent loan with its variables, bucket changes, cure, idempotency, concurrent scans, a crash in
 * the middle of the engine part, cases ended by other means, and the REST endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "collectflow.delinquency.case-batch-size=2")
@ActiveProfiles("test")
abstract class CaseLifecycleIntegrationTest {

    static final LocalDate DUE = LocalDate.of(2025, 3, 10);

    @MockitoSpyBean
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    DelinquencyScanService scanService;
    @Autowired
    DelinquencyScanner scanner;
    @Autowired
    CaseSynchronizer synchronizer;
    @Autowired
    ScanLock scanLock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    LoanBookFixture book;

    @BeforeEach
    void emptyBookAndEngine() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).list()
            .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
        book = new LoanBookFixture(jdbc);
        book.clear();
    }

    @Test
    void scanOpensOneCasePerDelinquentLoanWithItsVariables() {
        book.loan("L-NOT-DUE", DUE.plusDays(20), 12);
        book.loan("L-PAID", DUE, 12);
        book.pay("P-1", "L-PAID", DUE, new BigDecimal("110.00"));
        book.loan("L-5", DUE, 12);
        book.loan("L-36", DUE.minusMonths(1), 12);

        ScanResult result = scanService.scan(DUE.plusDays(5));

        assertThat(result).isEqualTo(new ScanResult(DUE.plusDays(5), 4, 2, 2, 0, 0, 0));
        assertThat(runningCases()).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("L-5", "L-36");
        assertThat(variablesOf("L-5")).containsEntry(CollectionCase.Vars.LOAN_NO, "L-5")
            .containsEntry(CollectionCase.Vars.DPD, 5)
            .containsEntry(CollectionCase.Vars.BUCKET, "DPD_1_29")
            .containsEntry(CollectionCase.Vars.OVERDUE_AMOUNT, 110.55);
        // 2025-02-10 → 2025-03-15: 33 days on the first installment, 5 on the second
        assertThat(variablesOf("L-36")).containsEntry(CollectionCase.Vars.DPD, 33)
            .containsEntry(CollectionCase.Vars.BUCKET, "DPD_30_59")
            .containsEntry(CollectionCase.Vars.OVERDUE_AMOUNT, 220.0 + 3.63 + 0.55);
        assertThat(activeCase("L-5")).containsEntry("process_instance_id", instanceOf("L-5").getId())
            .containsEntry("notified_bucket", "DPD_1_29");
        assertThat(book.bucketHistory("L-36")).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("to_bucket", "DPD_30_59").containsEntry("dpd", 33));
        assertThat(book.bucketHistory("L-NOT-DUE")).isEmpty();
    }

    @Test
    void bucketChangeIsCorrelatedToTheRunningCase() {
        book.loan("L-1", DUE, 12);
        scanService.scan(DUE.plusDays(5));
        String instanceId = instanceOf("L-1").getId();

        assertThat(scanService.scan(DUE.plusDays(20)).casesUpdated()).as("same bucket").isZero();
        ScanResult result = scanService.scan(DUE.plusDays(30));

        assertThat(result.casesUpdated()).isEqualTo(1);
        assertThat(result.casesOpened()).isZero();
        assertThat(instanceOf("L-1").getId()).isEqualTo(instanceId);
        assertThat(variablesOf("L-1")).containsEntry(CollectionCase.Vars.DPD, 30)
            .containsEntry(CollectionCase.Vars.BUCKET, "DPD_30_59");
        assertThat(activeCase("L-1")).containsEntry("notified_bucket", "DPD_30_59");
    }

    @Test
    void paymentAndRescanEndTheCaseAsCured() {
        book.loan("L-1", DUE, 12);
        book.loan("L-2", DUE, 12);
        scanService.scan(DUE.plusDays(5));
        String instanceId = instanceOf("L-1").getId();
        book.pay("P-1", "L-1", DUE.plusDays(6), new BigDecimal("110.66"));

        ScanResult result = scanService.scan(DUE.plusDays(6));

        assertThat(result.casesCured()).isEqualTo(1);
        assertThat(result.delinquent()).isEqualTo(1);
        // the cure is recorded by an asynchronous step: run what the job executor would
        Jobs.runAllOf(managementService, instanceId);
        assertThat(runningCases()).extracting(ProcessInstance::getBusinessKey).containsExactly("L-2");
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instanceId).singleResult();
        assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(jdbc.queryForMap("SELECT * FROM collection_case WHERE loan_no = 'L-1'"))
            .containsEntry("status", "CURED").containsEntry("active_loan_no", null);

        book.loan("L-3", DUE.plusDays(40), 12);
        ScanResult later = scanService.scan(DUE.plusMonths(1).plusDays(1));
        assertThat(later.casesOpened()).as("L-1 is overdue again, L-3 not yet due").isEqualTo(1);
        assertThat(book.count("SELECT COUNT(*) FROM collection_case WHERE loan_no = 'L-1'")).isEqualTo(2);
    }

    @Test
    void scanningTheSameDateTwiceChangesNothing() {
        IntStream.rangeClosed(1, 5).forEach(i -> book.loan("L-" + i, DUE.minusDays(i * 10L), 12));
        scanService.scan(DUE.plusDays(5));
        List<Map<String, Object>> cases = jdbc.queryForList("SELECT * FROM collection_case ORDER BY id");
        List<Map<String, Object>> loans = jdbc.queryForList("SELECT * FROM loan ORDER BY loan_no");
        int history = book.count("SELECT COUNT(*) FROM bucket_history");

        ScanResult second = scanService.scan(DUE.plusDays(5));

        assertThat(second).isEqualTo(new ScanResult(DUE.plusDays(5), 5, 5, 0, 0, 0, 0));
        assertThat(jdbc.queryForList("SELECT * FROM collection_case ORDER BY id")).isEqualTo(cases);
        assertThat(jdbc.queryForList("SELECT * FROM loan ORDER BY loan_no")).isEqualTo(loans);
        assertThat(book.count("SELECT COUNT(*) FROM bucket_history")).isEqualTo(history);
        assertThat(runningCases()).hasSize(5);
    }

    @Test
    void twoConcurrentScansStillOpenOneCasePerLoan() throws Exception {
        IntStream.rangeClosed(1, 12).forEach(i -> book.loan("L-" + i, DUE, 12));
        List<Object> outcomes = runTwice(() -> scanService.scan(DUE.plusDays(5)));

        assertThat(outcomes).allMatch(o -> o instanceof ScanResult || o instanceof ScanAlreadyRunningException);
        assertThat(outcomes.stream().filter(ScanResult.class::isInstance).mapToInt(o -> ((ScanResult) o).casesOpened()).sum())
            .isEqualTo(12);
        assertOneCasePerLoan(12);
    }

    @Test
    void twoConcurrentEngineStepsWithoutTheLockStillOpenOneCasePerLoan() throws Exception {
        IntStream.rangeClosed(1, 12).forEach(i -> book.loan("L-" + i, DUE, 12));
        scanner.computeState(DUE.plusDays(5));

        runTwice(() -> synchronizer.followUp(DUE.plusDays(5)));

        assertOneCasePerLoan(12);
    }

    @Test
    void crashInTheEnginePartIsRepairedByTheNextScan() {
        IntStream.rangeClosed(1, 5).forEach(i -> book.loan("L-" + i, DUE, 12));
        doThrow(new SimulatedCrash()).doCallRealMethod()
            .when(runtimeService).startProcessInstanceByKey(eq(CollectionCase.PROCESS_KEY), eq("L-3"), anyMap());

        assertThatThrownBy(() -> scanService.scan(DUE.plusDays(5))).isInstanceOf(SimulatedCrash.class);
        // batches of two on two threads: L-1/L-2 committed, L-3/L-4 rolled back together; L-5's batch ran on the
        // other thread or was never reached
        List<String> survived = runningCases().stream().map(ProcessInstance::getBusinessKey).toList();
        assertThat(survived).contains("L-1", "L-2").doesNotContain("L-3", "L-4");
        assertThat(book.count("SELECT COUNT(*) FROM collection_case")).isEqualTo(survived.size());

        ScanResult rerun = scanService.scan(DUE.plusDays(5));

        assertThat(rerun.casesOpened()).isEqualTo(5 - survived.size());
        assertOneCasePerLoan(5);
    }

    @Test
    void crashBetweenTheSqlAndTheEnginePartIsRepairedByTheNextScan() {
        IntStream.rangeClosed(1, 3).forEach(i -> book.loan("L-" + i, DUE, 12));
        scanner.computeState(DUE.plusDays(5));

        ScanResult rerun = scanService.scan(DUE.plusDays(5));

        assertThat(rerun.casesOpened()).isEqualTo(3);
        assertOneCasePerLoan(3);
    }

    @Test
    void aLoanThatKeepsFailingIsCountedAndRetriedByTheNextScan() {
        IntStream.rangeClosed(1, 3).forEach(i -> book.loan("L-" + i, DUE, 12));
        doThrow(new IllegalStateException("engine unavailable for L-2"))
            .when(runtimeService).startProcessInstanceByKey(eq(CollectionCase.PROCESS_KEY), eq("L-2"), anyMap());

        ScanResult first = scanService.scan(DUE.plusDays(5));
        assertThat(first.casesOpened()).isEqualTo(2);
        assertThat(first.casesFailed()).isEqualTo(1);

        doCallRealMethod().when(runtimeService).startProcessInstanceByKey(eq(CollectionCase.PROCESS_KEY), eq("L-2"), anyMap());
        ScanResult second = scanService.scan(DUE.plusDays(5));
        assertThat(second.casesOpened()).isEqualTo(1);
        assertThat(second.casesFailed()).isZero();
        assertOneCasePerLoan(3);
    }

    @Test
    void caseEndedByOtherMeansIsClosedAndWrittenOffLoansGetNoNewCase() {
        book.loan("L-1", DUE, 12);
        book.loan("L-2", DUE, 12);
        scanService.scan(DUE.plusDays(5));

        jdbc.update("UPDATE loan SET status = 'WRITTEN_OFF' WHERE loan_no = 'L-1'");
        runtimeService.deleteProcessInstance(instanceOf("L-1").getId(), "written off");
        runtimeService.deleteProcessInstance(instanceOf("L-2").getId(), "closed by a supervisor", true);

        assertThat(jdbc.queryForList("SELECT status FROM collection_case ORDER BY loan_no", String.class))
            .containsExactly("CLOSED", "CLOSED");
        ScanResult next = scanService.scan(DUE.plusDays(6));
        assertThat(next.casesOpened()).as("only the loan still active and overdue").isEqualTo(1);
        assertThat(runningCases()).extracting(ProcessInstance::getBusinessKey).containsExactly("L-2");
    }

    @Test
    void restEndpointRunsTheScanAndRefusesASecondOneWhileTheFirstRuns() {
        book.loan("L-1", DUE, 12);
        createUser("scanoperator");
        TestRestTemplate operator = rest.withBasicAuth("scanoperator", "scanoperator-secret");

        ResponseEntity<Map> ok = operator.postForEntity("/api/delinquency/scan?asOf=2025-03-15", null, Map.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody()).containsEntry("asOf", "2025-03-15").containsEntry("loansScanned", 1)
            .containsEntry("delinquent", 1).containsEntry("casesOpened", 1).containsEntry("casesUpdated", 0)
            .containsEntry("casesCured", 0);

        assertThat(rest.postForEntity("/api/delinquency/scan", null, Map.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> bad = operator.postForEntity("/api/delinquency/scan?asOf=15.03.2025", null, Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("message")).contains("asOf", "15.03.2025");

        try (ScanLock.Lease held = scanLock.tryAcquire("delinquency-scan", java.time.Duration.ofMinutes(5)).orElseThrow()) {
            ResponseEntity<Map> busy = operator.postForEntity("/api/delinquency/scan?asOf=2025-03-16", null, Map.class);
            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(busy.getBody()).containsEntry("error", "SCAN_ALREADY_RUNNING");
        }
        assertThat(operator.postForEntity("/api/delinquency/scan?asOf=2025-03-16", null, Map.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    private void createUser(String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id + "-secret");
            identityService.saveUser(user);
            // running the scan is a manager's business
            if (identityService.createGroupQuery().groupId("managers").count() == 0) {
                org.camunda.bpm.engine.identity.Group managers = identityService.newGroup("managers");
                managers.setName("Collection managers");
                identityService.saveGroup(managers);
            }
            identityService.createMembership(id, "managers");
        }
    }

    private List<Object> runTwice(java.util.concurrent.Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneCasePerLoan(int loans) {
        assertThat(runningCases()).hasSize(loans);
        assertThat(runningCases()).extracting(ProcessInstance::getBusinessKey).doesNotHaveDuplicates();
        assertThat(book.count("SELECT COUNT(*) FROM collection_case WHERE status = 'ACTIVE'")).isEqualTo(loans);
        assertThat(book.count("SELECT COUNT(DISTINCT active_loan_no) FROM collection_case")).isEqualTo(loans);
        assertThat(book.count("""
            SELECT COUNT(*) FROM loan l WHERE l.dpd > 0
               AND NOT EXISTS (SELECT 1 FROM collection_case c WHERE c.active_loan_no = l.loan_no)""")).isZero();
    }


    private List<ProcessInstance> runningCases() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).list();
    }

    private ProcessInstance instanceOf(String loanNo) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY)
            .processInstanceBusinessKey(loanNo).singleResult();
    }

    private Map<String, Object> variablesOf(String loanNo) {
        return runtimeService.getVariables(instanceOf(loanNo).getId());
    }

    private Map<String, Object> activeCase(String loanNo) {
        return jdbc.queryForMap("SELECT * FROM collection_case WHERE active_loan_no = ?", loanNo);
    }

    /** Stands for the JVM dying in the middle of the engine part: an Error nobody catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
