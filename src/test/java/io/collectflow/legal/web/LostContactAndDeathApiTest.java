package io.collectflow.legal.web;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CaseWork;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.ConcurrentCaseChange;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.legal.process.DeathReports;
import io.collectflow.legal.process.LostContactStarts;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/** Over real HTTP: the manager's lost-contact start and a death report that stops the running case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LostContactAndDeathApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseLifecycle lifecycle;
    @Autowired DeathReports reports;
    @Autowired LostContactStarts starts;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return anonymous.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    /** A loan with its case opened as the scan does; returns the case's process instance id. */
    private String openCase(String loanNo) {
        String pi = lifecycle.open(new CaseWork(loanNo, 120, "DPD_90_179", new BigDecimal("1050.00"), null, null),
            LocalDate.now());
        Jobs.runAllOf(management, pi);
        return pi;
    }

    @Test
    void managersStartTheSkipTraceOnceCollectorsMayNot() {
        String loanNo = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        openCase(loanNo);

        assertThat(post("collector1", "/api/loans/" + loanNo + "/lost-contact", null).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> made = post("manager1", "/api/loans/" + loanNo + "/lost-contact", null);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pid = (String) made.getBody().get("processInstanceId");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
            .isEqualTo(loanNo);

        ResponseEntity<Map<String, Object>> again = post("manager1", "/api/loans/" + loanNo + "/lost-contact", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("duplicate", true).containsEntry("processInstanceId", pid);

        assertThat(post("manager1", "/api/loans/NOPE-404/lost-contact", null).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        String writtenOff = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        jdbc.update("UPDATE loan SET status = 'WRITTEN_OFF' WHERE loan_no = ?", writtenOff);
        assertThat(post("manager1", "/api/loans/" + writtenOff + "/lost-contact", null).getStatusCode())
            .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDeathReportStopsTheRunningCase() {
        String loanNo = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        String pi = openCase(loanNo);

        ResponseEntity<Map<String, Object>> made = post("collector2", "/api/loans/" + loanNo + "/deceased",
            Map.of("evidence", "death certificate 2026-77"));
        Jobs.runAllOf(management, pi);

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody()).containsEntry("casesStopped", 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT status || '/' || outcome FROM collection_case WHERE loan_no = ?",
            String.class, loanNo)).isEqualTo("CLOSED/DECEASED");
    }

    @Test
    void aDeathReportThatMeetsAJobOfTheCaseIsTriedAgain() throws Exception {
        String loanNo = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        String pi = openCase(loanNo);

        // the race is real: the report alone is refused by Camunda and keeps nothing
        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi, Duration.ofMillis(1500))) {
            assertThatThrownBy(() -> reports.report(loanNo, "death certificate 2026-78", "collector2"))
                .isInstanceOf(OptimisticLockingException.class);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanNo)
            .processDefinitionKey(DeceasedController.PROCESS_KEY).count()).isZero();

        ResponseEntity<Map<String, Object>> made;
        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi, Duration.ofMillis(1500))) {
            made = post("collector2", "/api/loans/" + loanNo + "/deceased", Map.of("evidence", "death certificate 2026-78"));
        }
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody()).containsEntry("casesStopped", 1);
        Jobs.runAllOf(management, pi);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    }

    @Test
    void aSkipTraceStartThatMeetsAJobOfTheCaseIsTriedAgain() throws Exception {
        String loanNo = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        String pi = openCase(loanNo);

        // the race is real: the start alone is refused by Camunda and keeps nothing (no guard row, no process)
        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi, Duration.ofMillis(1500))) {
            assertThatThrownBy(() -> starts.start(loanNo, "manager1")).isInstanceOf(OptimisticLockingException.class);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanNo)
            .processDefinitionKey(LostContactStarts.PROCESS_KEY).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lost_contact_case WHERE loan_no = ?", Long.class, loanNo))
            .isZero();

        ResponseEntity<Map<String, Object>> made;
        try (ConcurrentCaseChange change = ConcurrentCaseChange.start(transactions, jdbc, pi, Duration.ofMillis(1500))) {
            made = post("manager1", "/api/loans/" + loanNo + "/lost-contact", null);
        }
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String trace = (String) made.getBody().get("processInstanceId");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(trace).processInstanceBusinessKey(loanNo)
            .count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lost_contact_case WHERE loan_no = ?", Long.class, loanNo))
            .isEqualTo(1);
        assertThat(post("manager1", "/api/loans/" + loanNo + "/lost-contact", null).getBody())
            .containsEntry("duplicate", true).containsEntry("processInstanceId", trace);
    }

    @Test
    void aSkipTraceStartThatMeetsAChangeOnEveryAttemptAnswers409AndKeepsNothing() throws Exception {
        String loanNo = new CaseFixtures(jdbc).loan(120, LocalDate.now());
        String pi = openCase(loanNo);

        ResponseEntity<Map<String, Object>> refused;
        try (ConcurrentCaseChange change = ConcurrentCaseChange.untilClosed(transactions, jdbc, pi,
                Duration.ofMillis(300))) {
            refused = post("manager1", "/api/loans/" + loanNo + "/lost-contact", null);
        }
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("message")).contains("nothing was recorded", "send the request again");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanNo)
            .processDefinitionKey(LostContactStarts.PROCESS_KEY).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lost_contact_case WHERE loan_no = ?", Long.class, loanNo))
            .isZero();

        assertThat(post("manager1", "/api/loans/" + loanNo + "/lost-contact", null).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }
}
