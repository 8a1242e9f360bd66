package io.collectflow.legal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.legal.process.WriteOffVars;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * A write-off dossier longer than a process variable holds (a long contact history; the 10,000-loan simulation
 * found such requests failing): the approval task still opens with the dossier's start and a pointer, and
 * approvers read the whole dossier at {@code GET /api/write-offs/{id}/dossier}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WriteOffDossierApiTest {

    private static final int CONTACTS = 150;

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private String loanWithLongContactHistory() {
        String loanNo = new CaseFixtures(jdbc).loan(1200, LocalDate.now());
        Instant first = Instant.now().minus(CONTACTS + 1, ChronoUnit.DAYS);
        for (int i = 0; i < CONTACTS; i++) {
            jdbc.update("""
                INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                    recorded_at) VALUES (?, ?, ?, 'call', 'NO_ANSWER', ?, 'COLLECTOR', CURRENT_TIMESTAMP)""",
                Timestamp.from(first.plus(i, ChronoUnit.DAYS)), loanNo, "B-" + loanNo,
                i == CONTACTS - 1 ? "last-caller" : "collector1");
        }
        return loanNo;
    }

    private ResponseEntity<String> get(String user, String path) {
        return anonymous.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    @Test
    void aDossierLongerThanAVariableOpensTheApprovalAndIsReadInFullByApprovers() {
        String loanNo = loanWithLongContactHistory();
        ProcessInstance pi = runtime.startProcessInstanceByKey("write-off-approval", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 1200, Vars.OVERDUE_AMOUNT, 3000.0, WriteOffVars.REQUESTED_BY, "collector2"));
        Jobs.runAllOf(management, pi.getId());

        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_FirstApproval").count())
            .as("the approval task opened").isOne();
        long requestId = ((Number) runtime.getVariable(pi.getId(), WriteOffVars.REQUEST_ID)).longValue();
        String full = jdbc.queryForObject("SELECT dossier FROM write_off_request WHERE id = ?", String.class, requestId);
        assertThat(full).hasSizeGreaterThan(4000).contains("call NO_ANSWER by collector last-caller");
        String shown = (String) runtime.getVariable(pi.getId(), WriteOffVars.DOSSIER);
        assertThat(shown).hasSizeLessThanOrEqualTo(4000).startsWith("Loan " + loanNo)
            .endsWith("... the dossier goes on (" + full.length() + " characters in all): GET /api/write-offs/"
                + requestId + "/dossier\n");
        assertThat(full).startsWith(shown.substring(0, shown.lastIndexOf("... the dossier goes on")));

        ResponseEntity<String> read = get("manager1", "/api/write-offs/" + requestId + "/dossier");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getHeaders().getContentType()).isNotNull()
            .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue());
        assertThat(read.getBody()).isEqualTo(full);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ? AND actor = ?",
            Long.class, WriteOffDossierController.AUDIT_VIEW, String.valueOf(requestId), "manager1"))
            .as("the read is audited").isOne();
        assertThat(get("collector1", "/api/write-offs/" + requestId + "/dossier").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("manager1", "/api/write-offs/987654321/dossier").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }
}
