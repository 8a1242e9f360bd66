package io.collectflow.legal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.legal.LawyerLetterService;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * The lawyer letter the legal team is asked to send (Task_SendLawyerLetter) is served as a PDF at
 * {@code GET /api/lawyer-letters/{id}/pdf} to legal, managers and administrators, every read audited; the task's
 * form points there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LawyerLetterApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired LawyerLetterService letters;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private ResponseEntity<byte[]> get(String user, String path) {
        return anonymous.withBasicAuth(user, user).getForEntity(path, byte[].class);
    }

    private long audited(long letterId, String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ? AND actor = ?",
            Long.class, LawyerLetterController.AUDIT_VIEW, String.valueOf(letterId), user);
    }

    @Test
    void legalManagersAndAdministratorsGetTheLetterAsPdfAndEveryReadIsAudited() {
        String loanNo = new CaseFixtures(jdbc).loan(400, LocalDate.now());
        long letterId = letters.issue(loanNo, LocalDate.now());
        String path = "/api/lawyer-letters/" + letterId + "/pdf";

        for (String user : new String[] {"legal1", "manager1", "demo"}) {
            ResponseEntity<byte[]> read = get(user, path);
            assertThat(read.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(read.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"lawyer-letter-" + letterId + ".pdf\"");
            assertThat(new String(read.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(read.getBody()).isEqualTo(letters.pdf(letterId).orElseThrow());
            assertThat(audited(letterId, user)).as("%s's read is audited", user).isOne();
        }
        get("legal1", path);
        assertThat(audited(letterId, "legal1")).as("every read, not the first only").isEqualTo(2);

        for (String user : new String[] {"collector1", "collector2", "agency1", "complaints1"}) {
            assertThat(get(user, path).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(audited(letterId, user)).isZero();
        }
        assertThat(anonymous.getForEntity(path, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("legal1", "/api/lawyer-letters/987654321/pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(audited(987654321L, "legal1")).isZero();
    }

    @Test
    void theSendLetterFormSaysWhereTheLetterIs() throws IOException {
        String form;
        try (InputStream in = getClass().getResourceAsStream("/forms/send-lawyer-letter.form")) {
            assertThat(in).isNotNull();
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(form).contains("/api/lawyer-letters/{{lawyerLetterId}}/pdf");
    }
}
