package io.collectflow.e2e;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.stage.Jobs;

/**
 * The foundation's journey through the public API only (CONTRACT.md): import a loan book, scan,
 * find one collection case per delinquent loan with the right variables, pay the arrears, scan
 * again and find the case ended as cured. Shared by the H2 and the PostgreSQL run.
 */
// its own context (and database): the scan counts below assume no other test's loans
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=journey")
@ActiveProfiles("test")
abstract class LoanToCaseJourney {

    private static final String USER = "journey";
    private static final String MANAGERS = "managers";
    /** First installment due 2026-01-10; the scan dates below are relative to it. */
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 10);

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    private TestRestTemplate http;

    @BeforeEach
    void login() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setPassword(USER + "-pw");
            identityService.saveUser(user);
            // imports, payments and scans are a manager's business
            if (identityService.createGroupQuery().groupId(MANAGERS).count() == 0) {
                Group group = identityService.newGroup(MANAGERS);
                group.setName("Collection managers");
                identityService.saveGroup(group);
            }
            identityService.createMembership(USER, MANAGERS);
        }
        http = anonymous.withBasicAuth(USER, USER + "-pw");
    }

    @Test
    void importScanPayRescan() {
        // two loans with the same schedule: 1,200.00 over 12 months at 12 %, first due 2026-01-10;
        // a third whose first installment is not due yet on the scan date
        String csv = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,principal,"
            + "annual_rate,penalty_rate,term_months,disbursed_on,first_due_on\n"
            + row("J-1", "JB-1") + row("J-2", "JB-2")
            + "J-3,JB-3,Zhao Min,310101199001013333,13800000003,j3@example.cn,1 Road,CN-GD,consumer,1200.00,0.12,0.18,"
            + "12,2026-01-20,2026-03-20\n";
        ResponseEntity<Map<String, Object>> imported = post("/api/loans/import", csv, new MediaType("text", "csv",
            StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("imported", 3);

        // 2026-02-14: the first installment is 35 days past due on J-1 and J-2
        Map<String, Object> scan = scan(FIRST_DUE.plusDays(35));
        assertThat(scan).containsEntry("loansScanned", 3).containsEntry("delinquent", 2)
            .containsEntry("casesOpened", 2).containsEntry("casesCured", 0);
        assertThat(loan("J-1")).containsEntry("dpd", 35).containsEntry("bucket", "DPD_30_59")
            .containsEntry("status", "ACTIVE");
        assertThat(loan("J-3")).containsEntry("dpd", 0).containsEntry("caseProcessInstanceId", null);

        ProcessInstance j1 = runningCase("J-1");
        assertThat(loan("J-1")).containsEntry("caseProcessInstanceId", j1.getId());
        Map<String, Object> variables = runtimeService.getVariables(j1.getId());
        assertThat(variables).containsEntry(CollectionCase.Vars.LOAN_NO, "J-1")
            .containsEntry(CollectionCase.Vars.DPD, 35).containsEntry(CollectionCase.Vars.BUCKET, "DPD_30_59");
        assertThat((Double) variables.get(CollectionCase.Vars.OVERDUE_AMOUNT)).isGreaterThan(106.0);

        // the same day again changes nothing
        assertThat(scan(FIRST_DUE.plusDays(35))).containsEntry("casesOpened", 0).containsEntry("casesUpdated", 0)
            .containsEntry("casesCured", 0);

        // J-1 pays its whole overdue amount (principal, interest and the penalty accrued so far)
        double overdue = ((Number) loan("J-1").get("overdueAmount")).doubleValue();
        ResponseEntity<Map<String, Object>> paid = post("/api/payments", """
            {"paymentRef":"JP-1","loanNo":"J-1","paidOn":"%s","amount":%.2f,"channel":"bank_transfer"}"""
            .formatted(FIRST_DUE.plusDays(36), overdue), MediaType.APPLICATION_JSON);
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> rescan = scan(FIRST_DUE.plusDays(36));
        assertThat(rescan).containsEntry("casesCured", 1).containsEntry("delinquent", 1);
        Jobs.runAllOf(managementService, j1.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(j1.getId()).count()).isZero();
        assertThat(loan("J-1")).containsEntry("dpd", 0).containsEntry("bucket", "CURRENT")
            .containsEntry("caseProcessInstanceId", null);
        assertThat(runningCase("J-2").getBusinessKey()).isEqualTo("J-2");
    }

    private static String row(String loanNo, String borrowerId) {
        return loanNo + "," + borrowerId + ",Wang Wei,310101199001011234,13800000001,wang@example.cn,"
            + "\"8 Garden Road, Pudong\",CN-SH,consumer,1200.00,0.12,0.18,12,2025-12-10,2026-01-10\n";
    }

    private Map<String, Object> scan(LocalDate asOf) {
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/delinquency/scan?asOf=" + asOf,
            HttpMethod.POST, HttpEntity.EMPTY, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Map<String, Object> loan(String loanNo) {
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/loans/" + loanNo, HttpMethod.GET,
            HttpEntity.EMPTY, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<Map<String, Object>> post(String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
            JSON);
    }

    private ProcessInstance runningCase(String loanNo) {
        List<ProcessInstance> cases = runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CollectionCase.PROCESS_KEY).processInstanceBusinessKey(loanNo).list();
        assertThat(cases).as("running cases of " + loanNo).hasSize(1);
        return cases.get(0);
    }

}
