package io.collectflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.collectflow.CollectFlowApplication;
import io.collectflow.casework.CollectionCase;
import io.collectflow.loan.delinquency.ScanLock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two CollectFlow nodes (prod profile, job executors on) on one PostgreSQL, as in docker/compose.yaml:
 * timers fire once, both nodes serve the API and Tasklist's REST, the scan runs on one node at a time,
 * cases, contacts and payments are never duplicated, and a node that dies holding a job or the scan lock
 * is replaced by the other once the lock expires. The methods run in order on the same two nodes; the
 * last one kills a node. The engine clock is moved to a weekday morning in Shanghai (ClockUtil is
 * shared by both nodes like a synchronised clock) so that contacts are allowed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterTest.class);

    private static final String ADMIN = "clusteradmin";
    private static final String AS_OF = "2026-10-15";
    /** Thursday 10:00 in Shanghai, the day of the scan: a working day within the contact window. */
    private static final Instant ENGINE_NOW = OffsetDateTime.parse("2026-10-15T10:00:00+08:00").toInstant();
    private static final int TIMERS = 30;
    private static final int DELINQUENT = 8;
    private static final int CURRENT = 2;
    /** Job lock and scan lease: short, so that a dead node's work moves on within seconds. */
    private static final long JOB_LOCK_MS = 8_000;
    private static final Duration SCAN_LEASE = Duration.ofSeconds(15);
    private static final String SCAN_LOCK_NAME = "delinquency-scan";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate db;
    private static Node nodeA;
    private static Node nodeB;
    private static final CountDownLatch RELEASE_HUNG_JOB = new CountDownLatch(1);

    private record Node(String name, ConfigurableApplicationContext context, int port) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        ClockUtil.offset(ENGINE_NOW.toEpochMilli() - System.currentTimeMillis());
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").start();
        db = new JdbcTemplate(postgres.getPostgresDatabase());
        // one after the other: Spring Boot's logging system is per JVM, and two applications initialising
        // it at the same moment in one JVM race (a test artefact; real nodes are separate JVMs)
        nodeA = startNode("a");
        // the probe table is not ours to migrate: created after Flyway has set up the schema
        db.execute(ClusterProbe.TABLE_DDL);
        nodeB = startNode("b");
        createAdmin(nodeA.bean(IdentityService.class));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = ?", Long.class,
            CollectionCase.PROCESS_KEY)).as("deployed once").isOne();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (Node node : new Node[] {nodeA, nodeB}) {
                if (node != null && node.context().isActive()) {
                    node.context().close();
                }
            }
        } finally {
            RELEASE_HUNG_JOB.countDown();
            ClockUtil.reset();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void timersFireExactlyOnceAcrossBothNodes() {
        nodeA.bean(RepositoryService.class).createDeployment().name("cluster-timer-probe")
            .addClasspathResource("cluster/cluster-timer-probe.bpmn").deploy();
        for (int i = 0; i < TIMERS; i++) {
            Node starter = i % 2 == 0 ? nodeA : nodeB;
            starter.bean(RuntimeService.class).startProcessInstanceByKey("cluster-timer-probe", "T-" + i);
        }

        awaitTrue(Duration.ofSeconds(60), "all probe timers fired", () -> probeRuns() >= TIMERS
            && db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = 'cluster-timer-probe'",
                Long.class) == 0);
        sleep(Duration.ofSeconds(2)); // a duplicate would show up now

        assertThat(probeRuns()).isEqualTo(TIMERS);
        assertThat(db.queryForObject("SELECT COUNT(DISTINCT process_instance_id) FROM cluster_probe_run", Long.class))
            .isEqualTo(TIMERS);
        LOG.info("probe timers run per node: {}", db.queryForList(
            "SELECT node, COUNT(*) AS runs FROM cluster_probe_run GROUP BY node ORDER BY node"));
    }

    @Test
    @Order(2)
    void bothNodesServeTheApiAndTasklist() throws Exception {
        HttpResponse<String> imported = send(nodeA, "POST", "/api/loans/import", "text/csv", loansCsv("CL-", DELINQUENT, CURRENT));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).path("imported").asInt()).isEqualTo(DELINQUENT + CURRENT);

        HttpResponse<String> loan = send(nodeB, "GET", "/api/loans/CL-001", null, null);
        assertThat(loan.statusCode()).as(loan.body()).isEqualTo(200);
        assertThat(JSON.readTree(loan.body()).path("loanNo").asText()).isEqualTo("CL-001");

        List<String> tasksOnA = taskIds(nodeA, "cluster-timer-probe");
        assertThat(tasksOnA).hasSize(TIMERS);
        assertThat(taskIds(nodeB, "cluster-timer-probe")).isEqualTo(tasksOnA);
    }

    @Test
    @Order(3)
    void theScanRunsOnOneNodeAtATimeAndOpensOneCasePerDelinquentLoan() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> scanAfter(go, nodeA));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> scanAfter(go, nodeB));
        go.countDown();
        List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
        LOG.info("concurrent scans answered {}: {}", statuses, answers.stream().map(HttpResponse::body).toList());

        if (statuses.equals(List.of(200, 409))) {
            HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("SCAN_ALREADY_RUNNING");
            HttpResponse<String> ran = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
            assertThat(JSON.readTree(ran.body()).path("casesOpened").asInt()).isEqualTo(DELINQUENT);
        } else {
            // the first scan finished before the second started: the second had nothing left to open
            assertThat(statuses).as("both scans ran one after the other").containsExactly(200, 200);
            List<Integer> opened = new ArrayList<>();
            for (HttpResponse<String> answer : answers) {
                opened.add(JSON.readTree(answer.body()).path("casesOpened").asInt());
            }
            assertThat(opened).containsExactlyInAnyOrder(DELINQUENT, 0);
        }
        assertOneActiveCaseAndInstancePerDelinquentLoan(DELINQUENT);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM delinquency_scan_run WHERE finished_at IS NULL", Long.class))
            .isZero();
    }

    @Test
    @Order(4)
    void casesRunOnBothNodesWithoutDuplicateContacts() {
        awaitTrue(Duration.ofSeconds(60), "the cases' due jobs ran", () -> dueJobs() == 0);
        // The SMS and e-mail reminders are two contact-attempt instances joined by a parallel gateway in
        // the case: when both end at the same moment (two nodes, or two job threads of one node) one of
        // them fails with an optimistic-locking conflict, is rolled back (its outbox row with it) and
        // retried after the retry cycle (R3/PT5M). Nothing is lost or sent twice; the test brings those
        // retries forward instead of waiting five minutes.
        awaitTrue(Duration.ofSeconds(60), "every reminder was sent", () -> {
            bringConflictRetriesForward();
            return dueJobs() == 0 && sentMessages() >= 2L * DELINQUENT;
        });

        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class)).isZero();
        long sent = sentMessages();
        assertThat(sent).as("one SMS and one e-mail reminder per case").isEqualTo(2L * DELINQUENT);
        // one message per contact attempt (its stable reference) and per loan: no attempt ran twice
        assertThat(db.queryForObject("SELECT COUNT(DISTINCT external_ref) FROM contact_outbox", Long.class)).isEqualTo(sent);
        assertThat(db.queryForList("SELECT loan_no FROM contact_outbox GROUP BY loan_no, channel HAVING COUNT(*) > 1",
            String.class)).isEmpty();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM contact_log WHERE operator_type = 'SYSTEM'", Long.class))
            .isEqualTo(sent);
        assertThat(db.queryForObject("""
            SELECT COUNT(*) FROM ACT_HI_PROCINST p
             WHERE p.PROC_DEF_KEY_ = 'contact-attempt' AND p.END_TIME_ IS NOT NULL""", Long.class)).isEqualTo(sent);
        assertOneActiveCaseAndInstancePerDelinquentLoan(DELINQUENT);
    }

    @Test
    @Order(5)
    void theSamePaymentPostedToBothNodesAtOnceIsStoredOnce() throws Exception {
        String payment = """
            {"paymentRef":"CL-PAY-1","loanNo":"CL-001","paidOn":"2026-10-14","amount":100.00,"channel":"bank"}""";
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> postAfter(go, nodeA, payment));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> postAfter(go, nodeB, payment));
        go.countDown();
        List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());

        assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList())
            .as(answers.stream().map(HttpResponse::body).toList().toString()).containsExactly(200, 201);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM payment WHERE payment_ref = 'CL-PAY-1'", Long.class)).isOne();
        assertThat(db.queryForObject("SELECT SUM(amount) FROM payment_allocation WHERE payment_ref = 'CL-PAY-1'",
            java.math.BigDecimal.class)).isEqualByComparingTo("100.00");
    }

    @Test
    @Order(6)
    void aNodeKilledMidJobAndHoldingTheScanLockIsReplacedAfterTheLocksExpire() throws Exception {
        // a job that hangs on whichever node picks it up: that node is the one that dies
        ClusterProbe.hangOnFirstRun("CRASH-1", RELEASE_HUNG_JOB);
        nodeB.bean(RuntimeService.class).startProcessInstanceByKey("cluster-timer-probe", "CRASH-1");
        awaitTrue(Duration.ofSeconds(30), "a node runs the job", () -> ClusterProbe.hungOn("CRASH-1") != null);
        Node victim = ClusterProbe.hungOn("CRASH-1").equals(nodeA.name()) ? nodeA : nodeB;
        Node survivor = victim == nodeA ? nodeB : nodeA;
        Map<String, Object> lockedJob = db.queryForMap("""
            SELECT j.LOCK_OWNER_ AS owner, j.LOCK_EXP_TIME_ AS expires FROM ACT_RU_JOB j
              JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_ WHERE e.BUSINESS_KEY_ = 'CRASH-1'""");
        assertThat(lockedJob.get("owner")).as("the job is locked by the node running it").isNotNull();

        // the same node also holds the scan lock (a scan in progress) and a new loan falls due meanwhile
        assertThat(victim.bean(ScanLock.class).tryAcquire(SCAN_LOCK_NAME, SCAN_LEASE)).isPresent();
        Instant leaseEnds = db.queryForObject("SELECT locked_until FROM scan_lock WHERE name = ?", Timestamp.class,
            SCAN_LOCK_NAME).toInstant();
        HttpResponse<String> late = send(survivor, "POST", "/api/loans/import", "text/csv", loansCsv("CL-LATE-", 1, 0));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);

        long killStarted = System.nanoTime();
        victim.context().close();
        LOG.info("node {} stopped in {} ms holding the job and the scan lock", victim.name(),
            (System.nanoTime() - killStarted) / 1_000_000);
        assertThat(Instant.now()).as("the node stopped within the lease (else raise SCAN_LEASE)").isBefore(leaseEnds);

        HttpResponse<String> refused = scan(survivor);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        HttpResponse<String> ran = refused;
        while (ran.statusCode() == 409 && Instant.now().isBefore(leaseEnds.plusSeconds(30))) {
            sleep(Duration.ofMillis(500));
            ran = scan(survivor);
        }
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(Instant.now()).as("refused until the lease ran out").isAfterOrEqualTo(leaseEnds);
        assertThat(JSON.readTree(ran.body()).path("casesOpened").asInt()).isEqualTo(1);
        assertOneActiveCaseAndInstancePerDelinquentLoan(DELINQUENT + 1);

        awaitTrue(Duration.ofSeconds(60), "the other node ran the dead node's job",
            () -> db.queryForObject("SELECT COUNT(*) FROM cluster_probe_run WHERE business_key = 'CRASH-1'", Long.class) > 0);
        assertThat(db.queryForList("SELECT node FROM cluster_probe_run WHERE business_key = 'CRASH-1'", String.class))
            .containsExactly(survivor.name());
        assertThat(db.queryForObject("SELECT ran_at FROM cluster_probe_run WHERE business_key = 'CRASH-1'", Timestamp.class))
            .as("taken over once the dead node's job lock expired").isAfterOrEqualTo((Timestamp) lockedJob.get("expires"));
        assertThat(taskIds(survivor, "cluster-timer-probe")).hasSize(TIMERS + 1);
    }

    private static void assertOneActiveCaseAndInstancePerDelinquentLoan(int delinquentLoans) {
        List<Map<String, Object>> cases = db.queryForList("""
            SELECT l.loan_no, COUNT(c.id) AS active FROM loan l
              LEFT JOIN collection_case c ON c.loan_no = l.loan_no AND c.status = 'ACTIVE'
             WHERE l.dpd > 0 GROUP BY l.loan_no""");
        assertThat(cases).hasSize(delinquentLoans).allSatisfy(row -> assertThat(((Number) row.get("active")).longValue())
            .as("active cases of %s", row.get("loan_no")).isOne());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM collection_case WHERE status = 'ACTIVE'", Long.class))
            .isEqualTo(delinquentLoans);
        RuntimeService runtime = (nodeB.context().isActive() ? nodeB : nodeA).bean(RuntimeService.class);
        for (Map<String, Object> row : cases) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY)
                .processInstanceBusinessKey((String) row.get("loan_no")).count())
                .as("collection-case instances of %s", row.get("loan_no")).isOne();
        }
    }

    private static long sentMessages() {
        return db.queryForObject("SELECT COUNT(*) FROM contact_outbox", Long.class);
    }

    /** Jobs rolled back by an optimistic-locking conflict and waiting for their retry: due now. */
    private static void bringConflictRetriesForward() {
        List<String> retrying = db.queryForList("""
            SELECT ID_ FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND DUEDATE_ > ?
               AND EXCEPTION_MSG_ LIKE '%updated by another transaction concurrently%'""", String.class,
            new Timestamp(ClockUtil.getCurrentTime().getTime()));
        Node live = nodeB.context().isActive() ? nodeB : nodeA;
        for (String jobId : retrying) {
            LOG.info("job {} waits for its retry after an optimistic-locking conflict: due now", jobId);
            live.bean(ManagementService.class).setJobDuedate(jobId, ClockUtil.getCurrentTime());
        }
    }

    /** Executable jobs: due by the engine clock, retries left. */
    private static long dueJobs() {
        return db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IS NOT NULL AND RETRIES_ > 0"
            + " AND SUSPENSION_STATE_ = 1"
            + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", Long.class, new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }

    private static long probeRuns() {
        return db.queryForObject("SELECT COUNT(*) FROM cluster_probe_run", Long.class);
    }

    /**
     * Loans disbursed 2026-08-01: the delinquent ones fell due 2026-09-01 and 2026-10-01 (DPD 44 on
     * {@link #AS_OF}: bucket DPD_30_59, whose strategy sends an SMS and an e-mail reminder), the current
     * ones first fall due 2026-11-01. Every loan has its own borrower (contact caps are per borrower).
     */
    private static String loansCsv(String prefix, int delinquent, int current) {
        StringBuilder csv = new StringBuilder("loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,"
            + "product,principal,annual_rate,penalty_rate,term_months,disbursed_on,first_due_on,timezone\n");
        for (int i = 1; i <= delinquent + current; i++) {
            String loanNo = prefix + "%03d".formatted(i);
            String firstDue = i <= delinquent ? "2026-09-01" : "2026-11-01";
            csv.append(loanNo).append(",B-").append(loanNo).append(",Borrower ").append(loanNo)
                .append(",3101011985030%05d".formatted(i)).append(",+86 138 0013 %04d".formatted(i))
                .append(",").append(loanNo.toLowerCase()).append("@example.cn,\"No. ").append(i)
                .append(" Century Ave, Shanghai\",CN-SH,consumer,12000.00,0.12,0.18,12,2026-08-01,")
                .append(firstDue).append(",Asia/Shanghai\n");
        }
        return csv.toString();
    }

    private static List<String> taskIds(Node node, String processDefinitionKey) throws Exception {
        // each node's engine has its own name here (two engines in one JVM); Tasklist addresses it the same way
        String engine = node.bean(ProcessEngine.class).getName();
        HttpResponse<String> tasks = send(node, "GET",
            "/engine-rest/engine/" + engine + "/task?processDefinitionKey=" + processDefinitionKey, null, null);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : JSON.readTree(tasks.body())) {
            ids.add(task.path("id").asText());
        }
        return ids.stream().sorted().toList();
    }

    private static HttpResponse<String> scanAfter(CountDownLatch go, Node node) {
        awaitLatch(go);
        return scan(node);
    }

    private static HttpResponse<String> postAfter(CountDownLatch go, Node node, String payment) {
        awaitLatch(go);
        return send(node, "POST", "/api/payments", "application/json", payment);
    }

    private static HttpResponse<String> scan(Node node) {
        return send(node, "POST", "/api/delinquency/scan?asOf=" + AS_OF, null, null);
    }

    private static HttpResponse<String> send(Node node, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN).getBytes(StandardCharsets.UTF_8)))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " on node " + node.name() + " failed", e);
        }
    }

    private static Node startNode(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DB_URL", postgres.getJdbcUrl("postgres", "postgres") + "&ApplicationName=collectflow-node-" + name);
        settings.put("DB_USER", "postgres");
        settings.put("DB_PASSWORD", "postgres");
        settings.put("DB_POOL_SIZE", "8");
        settings.put("server.port", "0");
        settings.put("cluster-test.node", name);
        settings.put("camunda.bpm.generate-unique-process-engine-name", "true");
        settings.put("camunda.bpm.generate-unique-process-application-name", "true");
        settings.put("camunda.bpm.job-execution.enabled", "true");
        settings.put("camunda.bpm.job-execution.core-pool-size", "3");
        settings.put("camunda.bpm.job-execution.max-pool-size", "3");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", Long.toString(JOB_LOCK_MS));
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        settings.put("camunda.bpm.job-execution.max-wait", "1000");
        settings.put("collectflow.delinquency.scan-cron", "-");
        settings.put("collectflow.delinquency.lock-at-most", SCAN_LEASE.toString());
        settings.put("collectflow.ops.metrics.refresh", "0s");
        // prod refuses to start without the key that encrypts borrowers' personal data; both nodes share it
        settings.put("COLLECTFLOW_PII_KEY", "Y29sbGVjdGZsb3ctZGVtby1rZXktMzItYnl0ZXMhISE=");
        // stopping a node does not wait for its (hung) jobs: the closest a test JVM gets to killing it
        settings.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CollectFlowApplication.class, ClusterProbe.class)
            .profiles("prod")
            .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return new Node(name, context, port);
    }

    private static void createAdmin(IdentityService identity) {
        if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
            Group group = identity.newGroup("camunda-admin");
            group.setName("Administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        User user = identity.newUser(ADMIN);
        user.setPassword(ADMIN);
        identity.saveUser(user);
        identity.createMembership(ADMIN, "camunda-admin");
    }

    private static void awaitTrue(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            sleep(Duration.ofMillis(200));
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
