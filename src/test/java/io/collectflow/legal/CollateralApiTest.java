package io.collectflow.legal;

import static io.collectflow.web.JsonTypes.JSON;
import static io.collectflow.web.JsonTypes.JSON_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.loan.LenderProperties;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.legal.process.LegalActionDelegates;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * /api/loans/{loanNo}/collateral over real HTTP: registration (managers, administrators, legal) with
 * field-naming refusals, the list for staff, the audit entry, and the legal action's disposal path fed
 * by a registration, even one made after the legal action started; the disposal shows who recorded it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CollateralApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired JdbcTemplate jdbc;
    @Autowired LegalAssessment assessment;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired LenderProperties lender;

    private final LocalDate today = LocalDate.now();
    private String loanNo;

    @BeforeEach
    void usersAndLoan() {
        SecurityTestUsers.ensure(identities, grants);
        loanNo = new CaseFixtures(jdbc).loan(400, today);
    }

    @Test
    void managersAndLegalRegisterStaffReadAndTheLegalActionCountsIt() {
        ResponseEntity<Map<String, Object>> car = post("manager1", item("vehicle", "BYD Qin 2022, plate 沪A12345",
            "40000.00", today.minusDays(30)));
        assertThat(car.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(car.getBody()).containsEntry("type", "VEHICLE").containsEntry("status", "HELD")
            .containsEntry("valuationDate", today.minusDays(30).toString()).containsEntry("registeredBy", "manager1");
        assertThat(post("legal1", item("DEPOSIT", "Term deposit 6222 0000", "2500.50", today)).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        assertThat(post("collector1", item("OTHER", "Watch", "100", today)).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<List<Map<String, Object>>> listed = anonymous.withBasicAuth("collector1", "collector1")
            .exchange(path(), HttpMethod.GET, null, JSON_LIST);
        assertThat(listed.getBody()).extracting(c -> c.get("description"))
            .containsExactly("BYD Qin 2022, plate 沪A12345", "Term deposit 6222 0000");
        assertThat(listed.getBody()).allSatisfy(held -> assertThat(held).containsEntry("disposal", null));
        assertThat(anonymous.withBasicAuth("agency1", "agency1").exchange(path(), HttpMethod.GET, null, String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'COLLATERAL_REGISTERED'"
            + " AND subject_id = ? ORDER BY id", String.class, loanNo)).containsExactly("manager1", "legal1");
        assertThat(jdbc.queryForList("SELECT actor || ': ' || details FROM audit_event WHERE action = 'COLLATERAL_VIEW'"
            + " AND subject_type = 'loan' AND subject_id = ? ORDER BY id", String.class, loanNo))
            .as("the list read is audited; the agency's refused one is not").containsExactly("collector1: items=2");
        assertThat(assessment.estimate(loanNo).collateralValue()).isEqualByComparingTo("42500.50");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        refused(item("BOAT", "Yacht", "1000", today), 422, "type");
        refused(item("VEHICLE", " ", "1000", today), 422, "description");
        refused(item("VEHICLE", "Car", "0", today), 422, "estimatedValue");
        refused(item("VEHICLE", "Car", "10.123", today), 422, "estimatedValue");
        refused(item("VEHICLE", "Car", "1000", null), 422, "valuationDate");
        // the future begins after the lender's today (collectflow.lender.zone), not the server's
        refused(item("VEHICLE", "Car", "1000", lender.dateAt(Instant.now()).plusDays(1)), 422, "valuationDate");
        Map<String, Object> badDate = item("VEHICLE", "Car", "1000", today);
        badDate.put("valuationDate", "01/02/2026");
        refused(badDate, 400, "valuationDate");
        Map<String, Object> badAmount = item("VEHICLE", "Car", "1000", today);
        badAmount.put("estimatedValue", "a lot");
        refused(badAmount, 400, "estimatedValue");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM collateral WHERE loan_no = ?", Integer.class, loanNo))
            .isZero();
        ResponseEntity<Map<String, Object>> unknown = anonymous.withBasicAuth("manager1", "manager1").exchange(
            "/api/loans/NO-SUCH-LOAN/collateral", HttpMethod.POST, json(item("OTHER", "X", "1", today)), JSON);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void collateralRegisteredDuringTheLegalActionIsDisposedAfterTheJudgment() {
        jdbc.update("UPDATE installment SET principal_due = 5000 WHERE loan_no = ?", loanNo);
        ProcessInstance legal = runtime.startProcessInstanceByKey("legal-action", loanNo,
            Map.of(Vars.LOAN_NO, loanNo, Vars.DPD, 400, Vars.OVERDUE_AMOUNT, 3000.0));
        Jobs.runAllOf(management, legal.getId());
        assertThat(runtime.getVariable(legal.getId(), Vars.LEGAL_ACTION)).isEqualTo("LITIGATION");
        assertThat(runtime.getVariable(legal.getId(), LegalActionDelegates.HAS_COLLATERAL)).isEqualTo(false);

        assertThat(post("legal1", item("PROPERTY", "Flat 3-201, 8 Lane 100, Shanghai", "350000", today.minusYears(1)))
            .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(runtime.getVariable(legal.getId(), LegalActionDelegates.HAS_COLLATERAL)).isEqualTo(true);
        assertThat(runtime.getVariable(legal.getId(), LegalActionDelegates.COLLATERAL_VALUE)).isEqualTo(350000.0);

        complete(legal, "Task_FileLawsuit", Map.of(LegalActionDelegates.LAWSUIT_FILED_ON, today.toString()));
        complete(legal, "Task_AttendHearing", Map.of(LegalActionDelegates.HEARING_DATE, today.toString()));
        complete(legal, "Task_RecordJudgment", Map.of(LegalActionDelegates.JUDGMENT_DATE, today.toString()));
        // legal1 claimed the task in Tasklist: the disposal is recorded (later, in a job) as theirs
        tasks.setAssignee(tasks.createTaskQuery().processInstanceId(legal.getId())
            .taskDefinitionKey("Task_DisposeCollateral").singleResult().getId(), "legal1");
        complete(legal, "Task_DisposeCollateral", Map.of("disposalMethod", "AUCTION", "disposalProceeds", 300000));
        List<Map<String, Object>> items = anonymous.withBasicAuth("legal1", "legal1")
            .exchange(path(), HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(items).extracting(c -> c.get("status")).containsExactly("DISPOSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> disposal = (Map<String, Object>) items.get(0).get("disposal");
        // the disposal is the lender's act, dated on the lender's calendar (collectflow.lender.zone), not the server's
        assertThat(disposal).containsEntry("method", "AUCTION")
            .containsEntry("disposedOn", lender.dateAt(Instant.now()).toString())
            .containsEntry("recordedBy", "legal1");
        assertThat(new BigDecimal(disposal.get("proceeds").toString())).isEqualByComparingTo("300000");
        runtime.deleteProcessInstance(legal.getId(), "test done");
    }

    private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
        String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult()
            .getId();
        tasks.complete(taskId, variables);
        Jobs.runAllOf(management, pi.getId());
    }

    private void refused(Map<String, Object> body, int status, String field) {
        ResponseEntity<Map<String, Object>> answer = post("manager1", body);
        assertThat(answer.getStatusCode().value()).as("%s: %s", body, answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("field", field);
        assertThat((String) answer.getBody().get("error")).startsWith(field + ":");
    }

    private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
        return anonymous.withBasicAuth(user, user).exchange(path(), HttpMethod.POST, json(body), JSON);
    }

    private String path() {
        return "/api/loans/" + loanNo + "/collateral";
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, Object> item(String type, String description, String value, LocalDate valuedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("description", description);
        body.put("estimatedValue", new BigDecimal(value));
        body.put("valuationDate", valuedOn == null ? null : valuedOn.toString());
        return body;
    }
}
