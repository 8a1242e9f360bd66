package io.collectflow.security.pii;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.contact.Channel;
import io.collectflow.contact.template.MessageComposer;
import io.collectflow.contact.template.RenderedMessage;
import io.collectflow.security.authz.StartupGrants;

/** Borrower data imported over HTTP lands encrypted; readers decrypt; the API masks per role and audits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BorrowerPiiAtRestTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identities;
    @Autowired
    StartupGrants grants;
    @Autowired
    MessageComposer composer;

    String loanNo;
    String borrowerId;

    @BeforeEach
    void importOneLoan() {
        io.collectflow.security.SecurityTestUsers.ensure(identities, grants);
        String p = UUID.randomUUID().toString().substring(0, 8);
        loanNo = "PII-" + p;
        borrowerId = "BP-" + p;
        String csv = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,principal,"
            + "annual_rate,penalty_rate,term_months,disbursed_on,first_due_on\n"
            + loanNo + "," + borrowerId + ",Wang Li,310101199001011234,13812341234,wang.li@example.com,"
            + "上海市浦东新区世纪大道100号,CN-SH,consumer,12000.00,0.12,0.18,12,2026-01-01,2026-02-01\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        ResponseEntity<String> answer = anonymous.withBasicAuth("manager1", "manager1")
            .postForEntity("/api/loans/import", new HttpEntity<>(csv, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theRawTableHoldsNoPlaintext() {
        Map<String, Object> row = jdbc.queryForMap("SELECT id_number, phone, email, address FROM borrower WHERE borrower_id = ?",
            borrowerId);
        String raw = row.values().toString();
        assertThat(raw).doesNotContain("310101199001011234", "13812341234", "1234", "wang.li", "example.com", "上海", "世纪");
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("demo:"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM borrower WHERE phone = '13812341234'", Integer.class)).isZero();
    }

    @Test
    void messagesStillReachTheBorrower() {
        RenderedMessage sms = composer.compose(loanNo, Channel.SMS, "REMINDER_30");
        assertThat(sms.recipient()).isEqualTo("13812341234");
        assertThat(composer.compose(loanNo, Channel.EMAIL, "REMINDER_30").recipient()).isEqualTo("wang.li@example.com");
    }

    @Test
    void collectorsSeeFullDataManagersAndComplaintOfficersMaskedAgenciesNothing() {
        Map<String, Object> full = anonymous.withBasicAuth("collector1", "collector1")
            .exchange("/api/borrowers/" + borrowerId, HttpMethod.GET, null, JSON).getBody();
        assertThat(full).containsEntry("phone", "13812341234").containsEntry("idNumber", "310101199001011234")
            .containsEntry("masked", false);
        for (String user : new String[] {"manager1", "complaints1"}) {
            Map<String, Object> masked = anonymous.withBasicAuth(user, user).exchange("/api/borrowers/" + borrowerId, HttpMethod.GET, null, JSON).getBody();
            assertThat(masked).as(user).containsEntry("phone", "138****1234").containsEntry("idNumber", "3101**********1234")
                .containsEntry("email", "w***@example.com").containsEntry("masked", true);
        }
        assertThat(anonymous.withBasicAuth("agency1", "agency1").getForEntity("/api/borrowers/" + borrowerId, String.class)
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForList("SELECT actor || '/' || details FROM audit_event WHERE action = 'BORROWER_VIEW'"
            + " AND subject_id = ? ORDER BY id", String.class, borrowerId))
            .containsExactly("collector1/full", "manager1/masked", "complaints1/masked");
    }
}
