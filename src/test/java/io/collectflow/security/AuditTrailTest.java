package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.security.audit.AuditEntry;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.security.audit.AuditVerification;
import io.collectflow.security.authz.StartupGrants;

/** The hash-chained audit trail: what is recorded, verification over HTTP, tampering found, export. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identities;
    @Autowired
    StartupGrants grants;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private AuditVerification verifyOverHttp() {
        ResponseEntity<Map> answer = SecurityTestUsers.as(anonymous, "demo").getForEntity("/api/audit/verify", Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> body = answer.getBody();
        Number broken = (Number) body.get("firstBrokenId");
        return new AuditVerification((Boolean) body.get("valid"), ((Number) body.get("entries")).longValue(),
            broken == null ? null : broken.longValue());
    }

    @Test
    void taskCompletionsDeploymentsAndLoanViewsAreRecorded() {
        // a first-line call on a Tuesday morning in the borrower's city (calling allowed)
        OffsetDateTime tuesday = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
        ClockUtil.setCurrentTime(Date.from(tuesday.toInstant()));
        String loan = new CaseFixtures(jdbc).loan(12, tuesday.toLocalDate());
        ProcessInstance instance = runtime.createProcessInstanceByKey(CollectionCase.PROCESS_KEY).businessKey(loan)
            .setVariables(Map.of(Vars.LOAN_NO, loan, Vars.DPD, 12, Vars.BUCKET, "DPD_1_29", Vars.OVERDUE_AMOUNT, 1050.0,
                Vars.STAGE, Stages.FIRST_LINE, Vars.CURRENT_STAGE, Stages.FIRST_LINE, Vars.CANDIDATE_GROUP, "collectors-l1"))
            .startBeforeActivity(Elements.CALL_BORROWER).execute();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        identities.setAuthentication("collector1", List.of("collectors-l1"));
        try {
            tasks.complete(task.getId(), Map.of(Vars.REACHED, false, Vars.CALL_OUTCOME, "NO_ANSWER"));
        } finally {
            identities.clearAuthentication();
            ClockUtil.reset();
        }
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'TASK_COMPLETE' AND subject_id = ?",
            String.class, task.getId())).containsExactly("collector1");
        // the process application's deployment at start-up
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'DEPLOYMENT'", Integer.class))
            .isPositive();

        SecurityTestUsers.as(anonymous, "manager1").getForEntity("/api/loans/NOPE-1", String.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOAN_VIEW' AND subject_id = 'NOPE-1'",
            Integer.class)).as("no loan, nothing viewed").isZero();
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> audit.record("tester", "TEST", "thing", "T-" + n, "n=" + n)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification result = verifyOverHttp();
        assertThat(result.firstBrokenId()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(40);
    }

    /** The edit is undone afterwards, so the other tests of this context still see a valid chain. */
    @Test
    void anEditedRowBreaksTheChainAtThatRow() {
        audit.record("manager1", "EXPORT", "audit", null, "rows=3");
        AuditEntry entry = audit.last().orElseThrow();
        audit.record("manager1", "LOAN_VIEW", "loan", "L-1", "borrowerId=B-1");
        assertThat(audit.verify().valid()).isTrue();
        jdbc.update("UPDATE audit_event SET details = 'rows=0' WHERE id = ?", entry.id());
        try {
            AuditVerification broken = verifyOverHttp();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(entry.id());
        } finally {
            jdbc.update("UPDATE audit_event SET details = 'rows=3' WHERE id = ?", entry.id());
        }
        assertThat(audit.verify().valid()).isTrue();

        // a row removed from the end is found through the chain head
        audit.record("x", "TEST", "thing", null, null);
        AuditEntry last = audit.last().orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE id = ?", last.id());
        jdbc.update("DELETE FROM audit_event WHERE id = ?", last.id());
        try {
            assertThat(audit.verify().firstBrokenId()).isEqualTo(last.id());
        } finally {
            jdbc.update("INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID") == null ? row.get("id") : row.get("ID"),
                row.get("OCCURRED_AT") == null ? row.get("occurred_at") : row.get("OCCURRED_AT"), last.actor(), last.action(),
                last.subjectType(), null, null, last.prevHash(), last.hash());
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void managersExportCsvAndTheExportIsItselfRecorded() {
        audit.record("collector1", "LOAN_VIEW", "loan", "=HYPERLINK(\"x\")", "a,b");
        ResponseEntity<String> csv = SecurityTestUsers.as(anonymous, "manager1").getForEntity("/api/audit/export", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("id,occurred_at,actor,action,subject_type,subject_id,details,prev_hash,hash")
            .contains("'=HYPERLINK(\"\"x\"\")").contains("\"a,b\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND actor = 'manager1'",
            Integer.class)).isPositive();
        assertThat(SecurityTestUsers.as(anonymous, "manager1").getForEntity("/api/audit/export?from=2026-02-01&to=2026-01-01",
            String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
