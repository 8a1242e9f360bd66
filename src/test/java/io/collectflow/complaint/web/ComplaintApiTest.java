package io.collectflow.complaint.web;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.complaint.ComplaintTestData;

/**
 * The public endpoint over real HTTP without login: contract shape, no loan data in the answer, field errors,
 * markup kept as plain text, the public page, and the per-IP burst limit (429, then it recovers).
 * Test profile: 20 requests in a burst, one token back per second; the burst test runs last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintApiTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcClient jdbc;

    private ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.exchange(URI.create("http://localhost:" + port + "/api/complaints"), HttpMethod.POST,
            new HttpEntity<>(body, headers), JSON);
    }

    private static Map<String, Object> valid(String loanNo) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Zhang San", "phone", "+86 139 1234 5678",
            "email", "zhang.san@example.com", "channel", "online", "category", "harassment",
            "text", "They call me ten times a day and threatened my family."));
        if (loanNo != null) {
            body.put("loanNo", loanNo);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    @Test
    @Order(1)
    void aComplaintAboutAKnownOrUnknownLoanGetsTheSameAnswerWithoutLoanData() {
        String known = "API-CMP-1";
        String borrower = ComplaintTestData.loan(jdbc, known);
        ResponseEntity<Map<String, Object>> linked = post(valid(known));
        ResponseEntity<Map<String, Object>> unknown = post(valid("API-CMP-DOES-NOT-EXIST"));

        for (ResponseEntity<Map<String, Object>> r : List.of(linked, unknown)) {
            assertThat(r.getStatusCode().value()).isEqualTo(201);
            assertThat(r.getBody()).containsOnlyKeys("complaintId", "acknowledgeBy");
            assertThat((String) r.getBody().get("complaintId")).matches("CMP-[A-Z2-9]{10}");
            assertThat(OffsetDateTime.parse((String) r.getBody().get("acknowledgeBy")).getOffset().getTotalSeconds())
                .isEqualTo(8 * 3600);
        }
        assertThat(jdbc.sql("SELECT borrower_id FROM complaint WHERE complaint_no = :n")
            .param("n", linked.getBody().get("complaintId")).query(String.class).single()).isEqualTo(borrower);
        assertThat(jdbc.sql("SELECT linked_loan_no FROM complaint WHERE complaint_no = :n")
            .param("n", unknown.getBody().get("complaintId")).query(String.class).optional()).isEmpty();
    }

    @Test
    @Order(2)
    void badInputIsRejectedWith422NamingEveryFieldAndNothingIsStored() {
        long before = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
        Map<String, Object> bad = new HashMap<>(Map.of("name", " ", "phone", "call me", "email", "not-an-email",
            "loanNo", "<script>", "channel", "fax", "category", "rude", "text", "short"));
        ResponseEntity<Map<String, Object>> response = post(bad);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).as("a wrong channel hides no other field")
            .containsExactlyInAnyOrder("name", "phone", "email", "loanNo", "category", "text", "channel");

        bad.put("channel", "online");
        response = post(bad);
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "phone", "email", "loanNo", "category", "text");

        ResponseEntity<Map<String, Object>> tooLong = post(Map.of("name", "A", "phone", "13800138000",
            "email", "a@example.com", "channel", "online", "text", "x".repeat(4001)));
        assertThat(tooLong.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(tooLong)).containsExactly("text");

        ResponseEntity<Map<String, Object>> missing = post(Map.of("channel", "online"));
        assertThat(fields(missing)).containsExactlyInAnyOrder("name", "phone", "email", "text");

        ResponseEntity<Map<String, Object>> numberAsText = post(Map.of("name", "A B", "phone", "13800138000",
            "email", "a@example.com", "channel", "online", "text", 1234567890123L));
        assertThat(numberAsText.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(numberAsText)).as("a number is not taken as the complaint's text").containsExactly("text");
        ResponseEntity<Map<String, Object>> objectAsPhone = post(Map.of("name", "A B", "phone", Map.of("cc", 86),
            "email", "a@example.com", "channel", "online", "text", "The collector called me at 23:00 twice."));
        assertThat(fields(objectAsPhone)).containsExactly("phone");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> notJson = anonymous.exchange(
            URI.create("http://localhost:" + port + "/api/complaints"), HttpMethod.POST,
            new HttpEntity<>("{not json", headers), JSON);
        assertThat(notJson.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(notJson)).containsExactly("body");
        HttpHeaders plain = new HttpHeaders();
        plain.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<Map<String, Object>> notSentAsJson = anonymous.exchange(
            URI.create("http://localhost:" + port + "/api/complaints"), HttpMethod.POST,
            new HttpEntity<>("{\"name\":\"A B\"}", plain), JSON);
        assertThat(notSentAsJson.getStatusCode().value()).isEqualTo(422);
        assertThat(fields(notSentAsJson)).containsExactly("body");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void markupInTheTextIsStoredAsPlainTextExactlyAsSent() {
        Map<String, Object> body = valid(null);
        String text = "<script>alert('x')</script><img src=x onerror=alert(1)> they shouted at me";
        body.put("text", text);
        ResponseEntity<Map<String, Object>> response = post(body);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT complaint_text FROM complaint WHERE complaint_no = :n")
            .param("n", response.getBody().get("complaintId")).query(String.class).single()).isEqualTo(text);
    }

    @Test
    @Order(4)
    void thePublicPageIsServedWithoutLoginAndTheStaffEndpointsNeedOne() {
        ResponseEntity<String> page = anonymous.getForEntity("http://localhost:" + port + "/complaint/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<form id=\"complaint-form\"").contains("complaint.js");
        ResponseEntity<String> script = anonymous.getForEntity("http://localhost:" + port + "/complaint/complaint.js", String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("textContent").doesNotContain("innerHTML =");
        assertThat(anonymous.getForEntity("http://localhost:" + port + "/api/complaints/accountability?subject=x",
            String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void aBurstIsCutOffWith429AndRetryAfterThenTheClientMaySendAgain() throws InterruptedException {
        Map<String, Object> invalid = Map.of("channel", "online");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 60 && limited == 0; i++) {
            ResponseEntity<Map<String, Object>> r = post(invalid);
            if (r.getStatusCode().value() == 429) {
                limited++;
                retryAfter = r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                assertThat(r.getBody()).containsOnlyKeys("error");
            } else {
                assertThat(r.getStatusCode().value()).isEqualTo(422);
            }
        }
        assertThat(limited).as("a burst of 60 requests is limited").isEqualTo(1);
        assertThat(retryAfter).isEqualTo("1");

        Thread.sleep(1100);
        assertThat(post(valid(null)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theOpenApiPageDescribesTheAnswers() throws Exception {
        JsonNode docs = new ObjectMapper().readTree(anonymous.getForObject(
            URI.create("http://localhost:" + port + "/v3/api-docs"), String.class));
        JsonNode responses = docs.at("/paths/~1api~1complaints/post/responses");
        assertThat(responses.fieldNames()).toIterable().contains("201", "422", "429");
        assertThat(responses.at("/201/content").toString()).contains("ComplaintReceipt");
        assertThat(docs.at("/components/schemas/ComplaintReceipt/properties").fieldNames()).toIterable()
            .containsExactlyInAnyOrder("complaintId", "acknowledgeBy");
    }
}
