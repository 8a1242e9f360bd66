package io.collectflow.arrangement;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.risk.RiskService;

/** GET /api/borrowers/{id}/profile and the public plan-confirmation link over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BorrowerProfileApiTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired RiskService risk;

    @BeforeEach
    void user() {
        if (identity.createUserQuery().userId("profileviewer").count() == 0) {
            User user = identity.newUser("profileviewer");
            user.setPassword("profileviewer");
            identity.saveUser(user);
            // the profile is for in-house staff: a first-line collector
            if (identity.createGroupQuery().groupId("collectors-l1").count() == 0) {
                org.camunda.bpm.engine.identity.Group group = identity.newGroup("collectors-l1");
                group.setName("First-line collectors");
                identity.saveGroup(group);
            }
            identity.createMembership("profileviewer", "collectors-l1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void profileShowsEverySection() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        String loanNo = new CaseFixtures(jdbc).loan(40, today);
        String borrowerId = "B-" + loanNo;
        jdbc.update("""
            INSERT INTO bucket_history (loan_no, as_of, from_bucket, to_bucket, dpd, overdue_amount)
            VALUES (?, ?, 'DPD_1_29', 'DPD_30_59', 30, 1050)""", loanNo, Date.valueOf(today.minusDays(10)));
        jdbc.update("""
            INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, overdue_reason, notes, recorded_by, recorded_at)
            VALUES (?, 'FIRST_LINE', 'CALL', TRUE, 'PROMISE_TO_PAY', 'CASH_FLOW', '<b>pays Friday</b>', 'collector1', ?)""",
            loanNo, Timestamp.from(NOW));
        Long report = jdbc.queryForObject("SELECT MAX(id) FROM contact_report", Long.class);
        jdbc.update("""
            INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status, kept_amount,
                channel, collector) VALUES (?, ?, ?, ?, 300, 'PARTIALLY_KEPT', 100, 'CALL', 'collector1')""",
            loanNo, report, Date.valueOf(today.minusDays(9)), Date.valueOf(today.minusDays(5)));
        jdbc.update("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type,
                summary, recorded_at) VALUES (?, ?, ?, 'sms', 'SENT', 'system', 'SYSTEM', 'reminder', ?)""",
            Timestamp.from(NOW), loanNo, borrowerId, Timestamp.from(NOW));
        jdbc.update("""
            INSERT INTO repayment_plan (loan_no, status, declared_income, other_debts, max_installment, total_amount,
                installment_count, first_due_on, within_policy, confirmation_mode, created_at)
            VALUES (?, 'ACTIVE', 3000, 200, 1000, 1050, 3, ?, TRUE, 'ELECTRONIC', ?)""", loanNo, Date.valueOf(today),
            Timestamp.from(NOW));
        Long planId = jdbc.queryForObject("SELECT MAX(id) FROM repayment_plan", Long.class);
        jdbc.update("INSERT INTO plan_installment (plan_id, seq, due_on, amount, status) VALUES (?, 1, ?, 350, 'DUE')",
            planId, Date.valueOf(today.plusDays(10)));
        jdbc.update("""
            INSERT INTO complaint (complaint_no, channel, received_at, complainant_name, linked_loan_no, borrower_id,
                complaint_text, status, acknowledge_by, resolve_by)
            VALUES (?, 'online', ?, 'Li Wei', ?, ?, 'too many calls', 'RECEIVED', ?, ?)""", "C-" + loanNo,
            Timestamp.from(NOW), loanNo, borrowerId, Timestamp.from(NOW), Timestamp.from(NOW));
        risk.assess(loanNo, RiskService.CONTACT_RECORDED, NOW);

        ResponseEntity<Map<String, Object>> answer = get("/api/borrowers/" + borrowerId + "/profile");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> p = answer.getBody();
        assertThat(p).containsEntry("borrowerId", borrowerId).containsEntry("name", "Li Wei");
        Map<String, Object> loan = ((List<Map<String, Object>>) p.get("loans")).get(0);
        assertThat(loan).containsEntry("loanNo", loanNo).containsEntry("dpd", 40);
        assertThat((List<Map<String, Object>>) loan.get("bucketHistory")).singleElement()
            .satisfies(h -> assertThat(h).containsEntry("toBucket", "DPD_30_59").containsEntry("asOf", "2026-02-20"));
        assertThat((List<Map<String, Object>>) p.get("contactReports")).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("notes", "<b>pays Friday</b>").containsEntry("overdueReason", "CASH_FLOW"));
        assertThat((List<Map<String, Object>>) p.get("contacts")).singleElement()
            .satisfies(c -> assertThat(c).containsEntry("channel", "sms").containsEntry("result", "SENT"));
        assertThat((List<Map<String, Object>>) p.get("promises")).singleElement()
            .satisfies(pr -> assertThat(pr).containsEntry("status", "PARTIALLY_KEPT").containsEntry("keptAmount", 100.0));
        assertThat((List<Map<String, Object>>) p.get("plans")).singleElement().satisfies(pl -> {
            assertThat(pl).containsEntry("status", "ACTIVE");
            assertThat((List<?>) pl.get("installments")).hasSize(1);
        });
        assertThat((List<Map<String, Object>>) p.get("complaints")).singleElement()
            .satisfies(c -> assertThat(c).containsEntry("complaintText", "too many calls"));
        // dpd 40 → 120, 1,050 → 50, no history 0, 3,000/200 → 0.0667 → 0, validity 0 of 2 → 0, 1 of 1 answered → 0
        assertThat((List<Map<String, Object>>) p.get("riskHistory")).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("score", 170).containsEntry("grade", "LOW"));

        assertThat(get("/api/loans/" + loanNo + "/borrower-profile").getBody()).containsEntry("borrowerId", borrowerId);
        assertThat(get("/api/borrowers/nobody/profile").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(anonymous.exchange(URI.create("http://localhost:" + port + "/api/borrowers/" + borrowerId + "/profile"),
            HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void confirmationLinkIsPublicAndAnswersAnUnknownTokenWith404() {
        ResponseEntity<Map<String, Object>> answer = anonymous.exchange(
            URI.create("http://localhost:" + port + "/api/plans/confirm/not-a-token"), HttpMethod.POST, null, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).containsEntry("message", "unknown confirmation link");
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return anonymous.withBasicAuth("profileviewer", "profileviewer")
            .exchange(URI.create("http://localhost:" + port + path), HttpMethod.GET, null, JSON);
    }
}
