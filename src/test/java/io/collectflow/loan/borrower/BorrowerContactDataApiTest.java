package io.collectflow.loan.borrower;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CaseWork;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.casework.stage.Jobs;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;
import io.collectflow.security.pii.BorrowerPii;

/** Over real HTTP: a collector records a borrower's new phone and address; history, audit, case and checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BorrowerContactDataApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
        new ParameterizedTypeReference<>() { };

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CaseLifecycle lifecycle;
    @Autowired BorrowerPii pii;

    private String loanNo;
    private String borrowerId;

    @BeforeEach
    void borrowerWithARunningCase() {
        SecurityTestUsers.ensure(identities, grants);
        loanNo = new CaseFixtures(jdbc).loan(45, LocalDate.now());
        borrowerId = jdbc.queryForObject("SELECT borrower_id FROM loan WHERE loan_no = ?", String.class, loanNo);
    }

    private ResponseEntity<Map<String, Object>> patch(String user, Object body) {
        return anonymous.withBasicAuth(user, user).exchange("/api/borrowers/" + borrowerId + "/contact-data",
            HttpMethod.PATCH, new HttpEntity<>(body), JSON);
    }

    private List<Map<String, Object>> changes(String user) {
        ResponseEntity<List<Map<String, Object>>> answer = anonymous.withBasicAuth(user, user)
            .exchange("/api/borrowers/" + borrowerId + "/contact-data/changes", HttpMethod.GET, null, LIST);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static Map<String, Object> update(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private String stored(String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM borrower WHERE borrower_id = ?", String.class, borrowerId);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aSkipTracesNewNumberAndAddressReachTheBorrowerRecordItsHistoryAndTheRunningCase() {
        String pi = lifecycle.open(new CaseWork(loanNo, 45, "DPD_30_59", new BigDecimal("700.00"), null, null),
            LocalDate.now());
        Jobs.runAllOf(management, pi);
        assertThat(runtime.getVariable(pi, CollectionCase.Vars.PHONE_MASKED)).isEqualTo("138****8000");

        ResponseEntity<Map<String, Object>> answer = patch("collector2", update("phone", "+86 139 1234 5678",
            "address", "88 Huaihai Road, Shanghai", "source", "SKIP_TRACE", "note", "found through the employer"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("changed", List.of("phone", "address")).containsEntry("casesUpdated", 1);
        String phone = stored("phone");
        assertThat(phone).as("sealed at rest").doesNotContain("139");
        assertThat(pii.open(BorrowerPii.PHONE, phone)).isEqualTo("+86 139 1234 5678");
        assertThat(pii.open(BorrowerPii.ADDRESS, stored("address"))).isEqualTo("88 Huaihai Road, Shanghai");
        assertThat(pii.open(BorrowerPii.EMAIL, stored("email"))).as("not given: kept")
            .isEqualTo("li.wei@example.cn");
        // the running case shows the new data (masked) at once
        assertThat(runtime.getVariable(pi, CollectionCase.Vars.PHONE_MASKED)).isEqualTo("139****5678");
        assertThat(runtime.getVariable(pi, CollectionCase.Vars.ADDRESS_MASKED))
            .isNotEqualTo("88 Huaihai Road, Shanghai").isNotNull();
        assertThat(runtime.getVariable(pi, CollectionCase.Vars.CONTACT_DATA_VALID)).isEqualTo(true);

        // history: in full for the roles that contact borrowers, masked for a manager; each read audited
        Map<String, Object> full = changes("collector1").get(0);
        assertThat(full).containsEntry("changedBy", "collector2").containsEntry("source", "SKIP_TRACE")
            .containsEntry("note", "found through the employer");
        assertThat((Map<String, Object>) full.get("fields")).containsOnlyKeys("phone", "address")
            .containsEntry("phone", List.of("+86 138 0013 8000", "+86 139 1234 5678"));
        Map<String, Object> masked = changes("manager1").get(0);
        assertThat((Map<String, Object>) masked.get("fields")).containsEntry("phone", List.of("138****8000", "139****5678"));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ? AND actor = ?",
            BorrowerContactData.AUDIT_UPDATE, borrowerId, "collector2")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE action = ? AND subject_id = ?",
            String.class, BorrowerContactData.AUDIT_UPDATE, borrowerId))
            .isEqualTo("changed phone, address; source SKIP_TRACE").doesNotContain("139");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?",
            BorrowerContactHistory.AUDIT_HISTORY_VIEW, borrowerId)).isEqualTo(2);

        // the same data again changes nothing and records nothing
        ResponseEntity<Map<String, Object>> again = patch("collector2", update("phone", "+86 139 1234 5678",
            "source", "BORROWER"));
        assertThat(again.getBody()).containsEntry("changed", List.of()).containsEntry("casesUpdated", 0);
        assertThat(count("SELECT COUNT(*) FROM borrower_contact_change WHERE borrower_id = ?", borrowerId)).isEqualTo(1);
    }

    @Test
    void badValuesAreNamedAndNothingIsWritten() {
        String before = stored("phone");
        assertThat(patch("collector1", update("phone", "call me", "source", "BORROWER")))
            .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY))
            .satisfies(r -> assertThat(r.getBody()).containsEntry("field", "phone"));
        assertThat(patch("collector1", update("phone", "13912345678", "email", "not-an-address", "source", "BORROWER"))
            .getBody()).containsEntry("field", "email");
        assertThat(patch("collector1", update("phone", "13912345678", "source", "RUMOUR")).getBody())
            .containsEntry("field", "source");
        assertThat(patch("collector1", update("address", " ", "source", "VISIT")).getBody()).containsEntry("field", "address");
        assertThat(patch("collector1", update("source", "BORROWER")).getBody()).containsEntry("field", "phone");
        assertThat(stored("phone")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM borrower_contact_change WHERE borrower_id = ?", borrowerId)).isZero();

        borrowerId = "B-no-such-borrower";
        assertThat(patch("collector1", update("phone", "13912345678", "source", "BORROWER")).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheRolesThatContactBorrowersMayChangeContactData() {
        assertThat(patch("manager1", update("phone", "13912345678", "source", "BORROWER")).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> removed = patch("legal1", update("email", "", "source", "BORROWER"));
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(removed.getBody()).containsEntry("changed", List.of("email")).containsEntry("casesUpdated", 0);
        assertThat(stored("email")).isNull();
    }

    @Test
    void anImportWithOtherDataForAKnownBorrowerIsRecordedAndReachesItsCase() {
        String pi = lifecycle.open(new CaseWork(loanNo, 45, "DPD_30_59", new BigDecimal("700.00"), null, null),
            LocalDate.now());
        Jobs.runAllOf(management, pi);
        String csv = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,principal,"
            + "annual_rate,penalty_rate,term_months,disbursed_on,first_due_on\n"
            + loanNo + "-2," + borrowerId + ",Li Wei,110101199001011234,+86 137 2222 3333,li.wei@example.cn,"
            + "\"1 Nanjing Road, Shanghai\",CN-SH,consumer,1200.00,0.12,0.18,12,2026-01-15,2026-02-15\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map<String, Object>> imported = anonymous.withBasicAuth("manager1", "manager1")
            .exchange("/api/loans/import", HttpMethod.POST, new HttpEntity<>(csv, headers), JSON);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);

        Map<String, Object> change = changes("collector1").get(0);
        assertThat(change).containsEntry("changedBy", BorrowerContactData.IMPORTED_BY)
            .containsEntry("source", BorrowerContactData.IMPORT);
        assertThat((Map<String, Object>) change.get("fields")).as("e-mail and address were the same")
            .containsOnlyKeys("phone").containsEntry("phone", List.of("+86 138 0013 8000", "+86 137 2222 3333"));
        assertThat(runtime.getVariable(pi, CollectionCase.Vars.PHONE_MASKED)).isEqualTo("137****3333");
    }
}
