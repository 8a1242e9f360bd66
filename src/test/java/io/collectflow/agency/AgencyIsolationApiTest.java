package io.collectflow.agency;

import static io.collectflow.web.JsonTypes.JSON;
import static io.collectflow.web.JsonTypes.JSON_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.agency.process.AgencyVars;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.kpi.AgencyFees;
import io.collectflow.security.SecurityTestUsers;

/**
 * F6 over real HTTP with Camunda authorizations on: agency1 (agency-acme) sees and reports on the
 * loans placed with acme only; the engine shows agency1 only the tasks of acme's placements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.authorization.enabled=true")
@ActiveProfiles("test")
class AgencyIsolationApiTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired AgencyFees agencyFees;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensureUser(identity, "agency1", "agency-acme");
        SecurityTestUsers.ensureUser(identity, "agency2", "agency-beta");
        SecurityTestUsers.ensureUser(identity, "collector9", "collectors-l1");
    }

    /** Places a new loan with acme (draw 50) or beta (draw 5) through the real process. */
    private ProcessInstance place(int draw) {
        String loanNo = new CaseFixtures(jdbc).loan(200, LocalDate.now());
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.LOAN_NO, loanNo);
        vars.put(Vars.DPD, 200);
        vars.put(Vars.OVERDUE_AMOUNT, 1050.0);
        vars.put(AgencyVars.CHALLENGER_DRAW, draw);
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("agency-placement", loanNo, vars);
        Jobs.runAll(managementService);
        Task approve = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        taskService.complete(approve.getId(), Map.of(AgencyVars.PLACEMENT_APPROVED, true, AgencyVars.PLACEMENT_SCOPE,
            "phone only"));
        Jobs.runAll(managementService);
        return pi;
    }

    private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body,
            ParameterizedTypeReference<T> type) {
        return anonymous.withBasicAuth(user, user).exchange(URI.create("http://localhost:" + port + path), method,
            body == null ? null : new HttpEntity<>(body), type);
    }

    @Test
    void agencyUserSeesAndReportsOnlyTheirOwnPlacements() {
        ProcessInstance acme = place(50);
        ProcessInstance beta = place(5);
        String acmeLoan = acme.getBusinessKey();
        String betaLoan = beta.getBusinessKey();

        ResponseEntity<List<Map<String, Object>>> cases = call("agency1", HttpMethod.GET, "/api/agency/cases", null, JSON_LIST);
        assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cases.getBody()).extracting(c -> c.get("loanNo")).contains(acmeLoan).doesNotContain(betaLoan);
        assertThat(cases.getBody()).filteredOn(c -> acmeLoan.equals(c.get("loanNo"))).singleElement()
            .satisfies(c -> assertThat(c).containsEntry("scope", "phone only").containsEntry("borrowerName", "Li Wei"));
        assertThat(call("agency1", HttpMethod.GET, "/api/agency/cases/" + betaLoan, null, JSON).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("agency2", HttpMethod.GET, "/api/agency/cases/" + betaLoan, null, JSON).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(call("collector9", HttpMethod.GET, "/api/agency/cases", null, JSON).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> contact = Map.of("channel", "call", "occurredAt", "2026-11-24T10:00:00+08:00",
            "result", "ANSWERED", "note", "borrower will pay on Friday");
        ResponseEntity<Map<String, Object>> made = call("agency1", HttpMethod.POST,
            "/api/agency/cases/" + acmeLoan + "/contacts", contact, JSON);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForMap("SELECT operator_id, operator_type FROM contact_log WHERE loan_no = ?", acmeLoan))
            .containsEntry("OPERATOR_ID", "agency1").containsEntry("OPERATOR_TYPE", "AGENCY");
        assertThat(call("agency1", HttpMethod.POST, "/api/agency/cases/" + betaLoan + "/contacts", contact, JSON)
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the compliance guard applies to agencies too: 23:00 borrower time is refused and nothing is logged
        ResponseEntity<Map<String, Object>> late = call("agency1", HttpMethod.POST,
            "/api/agency/cases/" + acmeLoan + "/contacts",
            Map.of("channel", "call", "occurredAt", "2026-11-24T23:00:00+08:00", "result", "ANSWERED"), JSON);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(String.valueOf(late.getBody().get("reasons"))).contains("OUTSIDE_HOURS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE loan_no = ?", Integer.class, acmeLoan))
            .isEqualTo(1);

        BigDecimal feesBefore = agencyFees.feesBetween(LocalDate.now(), LocalDate.now());
        ResponseEntity<Map<String, Object>> paid = call("agency1", HttpMethod.POST,
            "/api/agency/cases/" + acmeLoan + "/payments",
            Map.of("paymentRef", "ACME-" + acmeLoan, "paidOn", LocalDate.now().toString(), "amount", 300), JSON);
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) paid.getBody().get("commission")).doubleValue()).isEqualTo(60.0);
        assertThat(agencyFees.feesBetween(LocalDate.now(), LocalDate.now())).as("the KPIs' agency cost of the day")
            .isEqualByComparingTo(feesBefore.add(new BigDecimal("60.00")));
        assertThat(agencyFees.feesBetween(LocalDate.now().plusDays(1), LocalDate.now().plusDays(30)))
            .isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject("SELECT channel FROM payment WHERE payment_ref = ?", String.class,
            "ACME-" + acmeLoan)).isEqualTo("agency-acme");

        // Camunda authorizations: the engine shows agency1 the tasks of acme's placement only
        identity.setAuthentication("agency1", List.of("agency-acme"));
        try {
            List<Task> visible = taskService.createTaskQuery().list();
            assertThat(visible).extracting(Task::getProcessInstanceId).contains(acme.getId())
                .doesNotContain(beta.getId());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(beta.getId()).count()).isZero();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(acme.getId()).count()).isEqualTo(1);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void agencyUsersReachNoLoanOutsideTheirPlacementsThroughTheRestOfTheApi() {
        String acmeLoan = place(50).getBusinessKey();
        // a loan in collection but placed with no agency (placements depend on the registry other tests change)
        String betaLoan = new CaseFixtures(jdbc).loan(200, LocalDate.now());
        String check = "/api/compliance/check?channel=call&at=2026-11-24T10:00:00%2B08:00&loanNo=";

        // the compliance guard answers an agency for its own placements; another agency's loan is as unknown as none
        assertThat(call("agency1", HttpMethod.GET, check + acmeLoan, null, JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
        String verdicts = "SELECT COUNT(*) FROM compliance_verdict WHERE loan_no = ?";
        Integer before = jdbc.queryForObject(verdicts, Integer.class, betaLoan);
        ResponseEntity<Map<String, Object>> foreign = call("agency1", HttpMethod.GET, check + betaLoan, null, JSON);
        ResponseEntity<Map<String, Object>> none = call("agency1", HttpMethod.GET, check + "NOPE-9", null, JSON);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().get("error")).isEqualTo(String.valueOf(none.getBody().get("error"))
            .replace("NOPE-9", betaLoan));
        assertThat(jdbc.queryForObject(verdicts, Integer.class, betaLoan)).as("nothing recorded for the refused question")
            .isEqualTo(before);
        assertThat(call("collector9", HttpMethod.GET, check + betaLoan, null, JSON).getStatusCode())
            .as("in-house staff ask about any loan").isEqualTo(HttpStatus.OK);
        assertThat(call("agency1", HttpMethod.POST, "/api/compliance/screen-note",
            Map.of("text", "will pay Friday"), JSON).getStatusCode()).isEqualTo(HttpStatus.OK);

        // the rest of the API is in-house: contact log and outbox of any loan, accountability, plan confirmations
        for (String path : List.of("/api/contact/log?loanNo=" + betaLoan, "/api/contact/log?loanNo=" + acmeLoan,
                "/api/contact/outbox", "/api/complaints/accountability?subject=collector1",
                "/api/complaints/rate?from=2026-01-01&to=2026-01-31")) {
            assertThat(call("agency1", HttpMethod.GET, path, null, JSON).getStatusCode()).as(path)
                .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(call("agency1", HttpMethod.POST, "/api/plans/1/written-confirmation", Map.of(), JSON)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("collector9", HttpMethod.GET, "/api/contact/log?loanNo=" + betaLoan, null, JSON_LIST)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void deathReportedOverHttpStopsContactAndStartsTheDeceasedProcess() {
        String loanNo = new CaseFixtures(jdbc).loan(400, LocalDate.now());
        assertThat(call("collector9", HttpMethod.POST, "/api/loans/" + loanNo + "/deceased", Map.of("evidence", ""), JSON)
            .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<Map<String, Object>> made = call("collector9", HttpMethod.POST, "/api/loans/" + loanNo + "/deceased",
            Map.of("evidence", "death certificate 77"), JSON);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("deceased-borrower")
            .processInstanceBusinessKey(loanNo).count()).isEqualTo(1);
        assertThat(call("collector9", HttpMethod.POST, "/api/loans/" + loanNo + "/deceased",
            Map.of("evidence", "death certificate 77"), JSON).getBody()).containsEntry("duplicate", true);
        ResponseEntity<Map<String, Object>> check = call("collector9", HttpMethod.GET,
            "/api/compliance/check?loanNo=" + loanNo + "&channel=call&at=2026-11-24T10:00:00%2B08:00", null, JSON);
        assertThat(String.valueOf(check.getBody().get("reasons"))).contains("DECEASED");
        assertThat(call("collector9", HttpMethod.POST, "/api/loans/NOPE-1/deceased", Map.of("evidence", "x"), JSON)
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
