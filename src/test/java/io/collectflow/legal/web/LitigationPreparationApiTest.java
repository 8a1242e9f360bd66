package io.collectflow.legal.web;

import static io.collectflow.web.JsonTypes.JSON_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.legal.LitigationPreparation;
import io.collectflow.legal.LitigationPreparationService;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * {@code GET /api/loans/{loanNo}/litigation-preparations} over real HTTP: the loan's litigation files (Prepare
 * litigation), oldest first, for in-house staff as the loan's collateral (legal, managers, collectors, administrators),
 * not for agencies or anonymous callers; an unknown loan is 404, a loan without a file an empty list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LitigationPreparationApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired LitigationPreparationService preparations;

    private String loanNo;

    @BeforeEach
    void usersAndLoan() {
        SecurityTestUsers.ensure(identities, grants);
        loanNo = new CaseFixtures(jdbc).loan(400, LocalDate.now());
    }

    private String path(String loan) {
        return "/api/loans/" + loan + "/litigation-preparations";
    }

    private ResponseEntity<List<Map<String, Object>>> get(String user, String loan) {
        return anonymous.withBasicAuth(user, user).exchange(path(loan), HttpMethod.GET, null, JSON_LIST);
    }

    private HttpStatus status(String user, String loan) {
        return HttpStatus.valueOf(anonymous.withBasicAuth(user, user)
            .exchange(path(loan), HttpMethod.GET, null, String.class).getStatusCode().value());
    }

    @Test
    void staffReadTheLoansPreparationsOldestFirst() {
        Instant preparedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long first = preparations.record(loanNo, "pi-first", LitigationPreparation.of(9000, true, "Old court", false,
            null), null, preparedAt.minus(2, ChronoUnit.DAYS));
        long second = preparations.record(loanNo, "pi-second", LitigationPreparation.of("12800.5", true,
            "Shanghai Huangpu District People's Court", true, "service by publication requested"), "legal1",
            preparedAt);

        ResponseEntity<List<Map<String, Object>>> answer = get("legal1", loanNo);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).extracting(p -> ((Number) p.get("id")).longValue())
            .containsExactly(first, second);
        Map<String, Object> latest = answer.getBody().get(1);
        assertThat(latest).containsEntry("loanNo", loanNo).containsEntry("processInstanceId", "pi-second")
            .containsEntry("preparedBy", "legal1").containsEntry("preparedAt", preparedAt.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) latest.get("preparation");
        assertThat(file).containsEntry("evidenceChecked", true)
            .containsEntry("court", "Shanghai Huangpu District People's Court")
            .containsEntry("serviceByPublication", true).containsEntry("notes", "service by publication requested");
        assertThat(new BigDecimal(file.get("claimAmount").toString())).isEqualByComparingTo("12800.50");
        assertThat(answer.getBody().get(0)).containsEntry("preparedBy", null);

        for (String staff : List.of("manager1", "collector1", "collector2", "demo")) {
            assertThat(get(staff, loanNo).getBody()).as(staff).hasSize(2);
        }
        assertThat(views(loanNo)).as("every read is audited, as the borrower's and the lawyer letter's")
            .containsExactly("legal1: files=2", "manager1: files=2", "collector1: files=2", "collector2: files=2",
                "demo: files=2");
    }

    private List<String> views(String loan) {
        return jdbc.queryForList("SELECT actor || ': ' || details FROM audit_event"
            + " WHERE action = 'LITIGATION_FILES_VIEW' AND subject_type = 'loan' AND subject_id = ? ORDER BY id",
            String.class, loan);
    }

    @Test
    void agenciesAndAnonymousCallersAreRefusedAndAnUnknownLoanIsNotFound() {
        preparations.record(loanNo, "pi", LitigationPreparation.of(9000, true, "Court", false, null), "legal1",
            Instant.now());

        assertThat(status("agency1", loanNo)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("agency2", loanNo)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HttpStatus.valueOf(anonymous.getForEntity(path(loanNo), String.class).getStatusCode().value()))
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("legal1", "NO-SUCH-LOAN")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("manager1", "NO-SUCH-LOAN")).isEqualTo(HttpStatus.NOT_FOUND);
        String plain = new CaseFixtures(jdbc).loan(400, LocalDate.now());
        assertThat(get("legal1", plain).getBody()).isEmpty();
        assertThat(views(loanNo)).as("a refused read shows nothing").isEmpty();
        assertThat(views("NO-SUCH-LOAN")).isEmpty();
        assertThat(views(plain)).containsExactly("legal1: files=0");
    }
}
