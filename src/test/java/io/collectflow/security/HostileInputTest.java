package io.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.security.authz.StartupGrants;

/** Hostile input at the public and import endpoints: a clear 4xx and nothing stored; security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identities;
    @Autowired
    StartupGrants grants;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static HttpEntity<String> body(MediaType type, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(text, headers);
    }

    @Test
    void complaintIntakeRefusesMalformedAndOversizedBodies() {
        int before = count("complaint");
        for (String json : List.of("{", "[1,2]", "\"text\"", "{\"name\": {\"$ne\": 1}}", "null",
                "{\"name\":\"x\",\"phone\":\"1' OR '1'='1\",\"email\":\"a@b.co\",\"channel\":\"online\",\"text\":\"short\"}",
                "{\"name\":\"x\",\"phone\":\"13800000000\",\"email\":\"a@b.co\",\"channel\":\"online\",\"text\":\""
                    + "x".repeat(5000) + "\"}")) {
            ResponseEntity<String> answer = anonymous.postForEntity("/api/complaints", body(MediaType.APPLICATION_JSON, json),
                String.class);
            assertThat(answer.getStatusCode().is4xxClientError()).as(json.length() > 80 ? json.substring(0, 80) : json)
                .isTrue();
            assertThat(answer.getBody()).doesNotContainIgnoringCase("exception").doesNotContain("at io.collectflow");
        }
        assertThat(anonymous.postForEntity("/api/complaints", body(MediaType.TEXT_PLAIN, "hello"), String.class)
            .getStatusCode().is4xxClientError()).isTrue();
        assertThat(count("complaint")).isEqualTo(before);
    }

    @Test
    void importsRefuseInjectionStringsAndMalformedCsvAndStoreNothing() {
        TestRestTemplate manager = SecurityTestUsers.as(anonymous, "manager1");
        MediaType csv = new MediaType("text", "csv", StandardCharsets.UTF_8);
        int loans = count("loan");
        int borrowers = count("borrower");
        int paymentRows = count("payment");
        String header = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,principal,"
            + "annual_rate,penalty_rate,term_months,disbursed_on,first_due_on\n";
        for (String file : List.of(
                header + "X1'; DROP TABLE loan; --,B1,<script>alert(1)</script>,1,2,,,CN-SH,consumer,1' OR '1'='1,0.1,0.1,12,"
                    + "2026-01-01,2026-02-01\n",
                header + "\"unterminated,B1\n",
                "not,a,loan,file\n1,2,3,4\n",
                header + "X2,B2,n,1,2,,,CN-SH,consumer,100,0.1,0.1,12,2026-13-45,2026-02-01\n")) {
            ResponseEntity<String> answer = manager.postForEntity("/api/loans/import", body(csv, file), String.class);
            assertThat(answer.getStatusCode().is4xxClientError()).as(file).isTrue();
        }
        ResponseEntity<String> payments = manager.postForEntity("/api/payments",
            body(MediaType.APPLICATION_JSON, "{\"paymentRef\":\"P1'--\",\"loanNo\":\"' OR 1=1 --\",\"paidOn\":\"x\"}"),
            String.class);
        assertThat(payments.getStatusCode().is4xxClientError()).isTrue();
        assertThat(count("loan")).isEqualTo(loans);
        assertThat(count("borrower")).isEqualTo(borrowers);
        assertThat(count("payment")).isEqualTo(paymentRows);
    }

    @Test
    void securityHeaders() {
        ResponseEntity<String> page = anonymous.getForEntity("/complaint/", String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
            .contains("frame-ancestors 'none'");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        ResponseEntity<String> api = anonymous.getForEntity("/api/loans/x", String.class);
        assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
