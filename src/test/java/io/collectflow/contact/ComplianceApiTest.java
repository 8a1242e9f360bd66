package io.collectflow.contact;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.contact.compliance.BorrowerFlagService;
import io.collectflow.contact.compliance.ProhibitedLanguageException;
import io.collectflow.security.SecurityTestUsers;

/** The compliance endpoints over real HTTP with HTTP Basic against the Camunda identity store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplianceApiTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired ManualContactGuard manualContacts;
    @Autowired BorrowerFlagService flags;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensureUser(identity, "apicollector", "collectors-l1");
        SecurityTestUsers.ensureUser(identity, "apiagent", "agency-acme");
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    private ResponseEntity<Map<String, Object>> check(String user, String query) {
        return as(user).exchange(URI.create("http://localhost:" + port + "/api/compliance/check?" + query), HttpMethod.GET,
            null, JSON);
    }

    private static void loan(JdbcClient jdbc, String loanNo) {
        if (jdbc.sql("SELECT COUNT(*) FROM loan WHERE loan_no = :l").param("l", loanNo).query(Integer.class).single() == 0) {
            ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", loanNo.toLowerCase() + "@example.com");
            // placed with acme, so that apiagent (agency-acme) may ask about it
            jdbc.sql("""
                INSERT INTO agency_placement (loan_no, agency_code, selection, scope, fee_percent, placed_amount, placed_at,
                    expires_at, status) VALUES (:l, 'acme', 'CHAMPION', 'phone only', 20, 1000, :now, :until, 'ACTIVE')""")
                .param("l", loanNo).param("now", Timestamp.from(Instant.now()))
                .param("until", Timestamp.from(Instant.now().plus(90, ChronoUnit.DAYS))).update();
        }
    }

    @Test
    void aSaturdayNightCheckIsBlockedUntilMondayMorningInTheBorrowersOffsetAndRecorded() {
        loan(jdbc, "API-1");
        ResponseEntity<Map<String, Object>> answer = check("apiagent",
            "loanNo=API-1&channel=call&at=2026-03-07T23:30:00%2B08:00");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsOnlyKeys("verdict", "reasons", "nextAllowedAt", "ruleSetVersion")
            .containsEntry("verdict", "BLOCKED")
            .containsEntry("reasons", List.of("WEEKEND", "OUTSIDE_HOURS"))
            .containsEntry("nextAllowedAt", "2026-03-09T09:00+08:00")
            .containsEntry("ruleSetVersion", "2026.1");
        Map<String, Object> stored = jdbc.sql("SELECT * FROM compliance_verdict WHERE loan_no = 'API-1' ORDER BY id DESC")
            .query().listOfRows().get(0);
        assertThat(stored).containsEntry("VERDICT", "BLOCKED").containsEntry("OPERATOR_ID", "apiagent")
            .containsEntry("OPERATOR_TYPE", "AGENCY").containsEntry("CHANNEL", "call")
            .containsEntry("NEXT_ALLOWED_AT", "2026-03-09T09:00+08:00").containsEntry("RULE_SET_VERSION", "2026.1");
        assertThat((String) stored.get("INPUTS")).contains("dayKind=WEEKEND").contains("cap.call.today=0/3");
    }

    @Test
    void anAllowedCheckHasNoNextAllowedInstantAndAcceptsZuluAndAnUnencodedPlus() {
        loan(jdbc, "API-2");
        Map<String, Object> zulu = check("apicollector", "loanNo=API-2&channel=sms&at=2026-03-10T02:00:00Z").getBody();
        assertThat(zulu).containsEntry("verdict", "ALLOWED").containsEntry("reasons", List.of())
            .containsKey("nextAllowedAt").containsEntry("nextAllowedAt", null);
        assertThat(check("apicollector", "loanNo=API-2&channel=email&at=2026-03-10T10:00:00+08:00").getBody())
            .containsEntry("verdict", "ALLOWED");
    }

    @Test
    void callsByTheLenderAndAnAgencyCountTogetherAgainstTheDailyCap() {
        loan(jdbc, "API-3");
        Instant morning = OffsetDateTime.parse("2026-03-10T09:30:00+08:00").toInstant();
        manualContacts.recordManualContact("API-3", Channel.CALL, Operator.collector("apicollector"), morning, "NO_ANSWER", "no answer");
        manualContacts.recordManualContact("API-3", Channel.CALL, Operator.agency("apiagent"), morning.plusSeconds(3600), "NO_ANSWER", null);
        assertThat(check("apiagent", "loanNo=API-3&channel=call&at=2026-03-10T11:00:00%2B08:00").getBody())
            .containsEntry("verdict", "ALLOWED");
        manualContacts.recordManualContact("API-3", Channel.CALL, Operator.collector("apicollector"), morning.plusSeconds(7200), "ANSWERED", "promised Friday");
        assertThat(check("apiagent", "loanNo=API-3&channel=call&at=2026-03-10T12:00:00%2B08:00").getBody())
            .containsEntry("verdict", "BLOCKED").containsEntry("reasons", List.of("FREQUENCY_CAP"))
            .containsEntry("nextAllowedAt", "2026-03-11T09:00+08:00");
        // a fourth call is refused with a message saying when calling is allowed again, and not logged
        assertThatThrownBy(() -> manualContacts.recordManualContact("API-3", Channel.CALL, Operator.agency("apiagent"),
            morning.plusSeconds(9000), "ANSWERED", null))
            .isInstanceOf(ContactBlockedException.class)
            .hasMessageStartingWith("Calling is allowed again at Wed 09:00 (2026-03-11");
        assertThatThrownBy(() -> manualContacts.recordManualContact("API-3", Channel.VISIT, Operator.collector("apicollector"),
            morning, "VISITED", "told him we will tell your employer"))
            .isInstanceOf(ProhibitedLanguageException.class).hasMessageContaining("\"tell your employer\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_log WHERE loan_no = 'API-3'").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void flagsBlockWithoutANextAllowedInstant() {
        loan(jdbc, "API-4");
        flags.setDisputed(ContactTestData.borrowerOf("API-4"), "legal1", "borrower disputes the debt");
        assertThat(check("apicollector", "loanNo=API-4&channel=email&at=2026-03-10T10:00:00%2B08:00").getBody())
            .containsEntry("verdict", "BLOCKED").containsEntry("reasons", List.of("DISPUTED")).containsEntry("nextAllowedAt", null);
        flags.clearDisputed(ContactTestData.borrowerOf("API-4"), "legal1", "dispute resolved");
        assertThat(check("apicollector", "loanNo=API-4&channel=email&at=2026-03-10T10:00:00%2B08:00").getBody())
            .containsEntry("verdict", "ALLOWED");
        assertThat(jdbc.sql("SELECT action FROM borrower_flag_event WHERE borrower_id = 'B-API-4' ORDER BY id")
            .query(String.class).list()).containsExactly("SET", "CLEARED");
    }

    @Test
    void badRequestsAreAnsweredClearly() {
        loan(jdbc, "API-5");
        ResponseEntity<Map<String, Object>> unknown = check("apicollector", "loanNo=NOPE&channel=sms");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("error", "unknown loan 'NOPE'");
        ResponseEntity<Map<String, Object>> channel = check("apicollector", "loanNo=API-5&channel=fax");
        assertThat(channel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) channel.getBody().get("error")).contains("unknown channel 'fax'").contains("call, sms, email, voice, visit");
        ResponseEntity<Map<String, Object>> at = check("apicollector", "loanNo=API-5&channel=sms&at=tomorrow");
        assertThat(at.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) at.getBody().get("error")).contains("at 'tomorrow'").contains("ISO-8601");
        ResponseEntity<Map<String, Object>> farOff = check("apicollector",
            "loanNo=API-5&channel=sms&at=%2B999999999-12-31T23:59:59Z");
        assertThat(farOff.getStatusCode()).as("not a 500").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) farOff.getBody().get("error")).contains("years 2000 to 2199");
        assertThat(check("apicollector", "channel=sms").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.getForEntity("http://localhost:" + port + "/api/compliance/check?loanNo=API-5&channel=sms",
            String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the current instant is used when "at" is missing
        assertThat(check("apicollector", "loanNo=API-5&channel=email").getBody()).containsKey("verdict");
    }

    @Test
    void notesAreScreenedForFormsAndDeliveryReportsOfUnknownMessagesAreRefused() {
        ResponseEntity<Map<String, Object>> screened = as("apicollector").exchange(
            "http://localhost:" + port + "/api/compliance/screen-note", HttpMethod.POST,
            new HttpEntity<>(Map.of("text", "他就是个老赖")), JSON);
        assertThat(screened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(screened.getBody()).containsEntry("clean", false);
        assertThat((String) screened.getBody().get("message")).contains("\"老赖\" (insult)");
        assertThat(as("apicollector").exchange("http://localhost:" + port + "/api/compliance/screen-note", HttpMethod.POST,
            new HttpEntity<>(Map.of("text", "Promised to pay 500 on Friday")), JSON).getBody()).containsEntry("clean", true);
        ResponseEntity<Map<String, Object>> report = as("apicollector").exchange(
            "http://localhost:" + port + "/api/contact/sms/status", HttpMethod.POST,
            new HttpEntity<>(Map.of("messageId", "never-sent", "status", "delivered")), JSON);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<List<Object>> outbox = as("apicollector").exchange("http://localhost:" + port + "/api/contact/outbox",
            HttpMethod.GET, null, new ParameterizedTypeReference<>() {
            });
        assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
