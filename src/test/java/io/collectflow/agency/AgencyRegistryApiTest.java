package io.collectflow.agency;

import static io.collectflow.web.JsonTypes.JSON;
import static io.collectflow.web.JsonTypes.JSON_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * /api/agencies over real HTTP as the CONTRACT.md users: registration with its qualification review,
 * reviews, suspension and reinstatement, each audited; bad input answers 4xx naming the field and writes
 * nothing; only managers and administrators get in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgencyRegistryApiTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgencyRegistry registry;

    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    @Test
    void aManagerRegistersAnAgencyThatMayTakePlacementsAtOnce() {
        ResponseEntity<Map<String, Object>> created = send("manager1", HttpMethod.POST, "/api/agencies",
            registration("gamma", "Gamma Collect", "BJ-COL-1", today.plusYears(1), 4, true, true));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("code", "gamma").containsEntry("groupId", "agency-gamma")
            .containsEntry("eligible", true).containsEntry("rating", 4).containsEntry("activePlacements", 0);
        assertThat(identities.createGroupQuery().groupId("agency-gamma").count()).isEqualTo(1);
        assertThat(audit("AGENCY_REGISTERED", "gamma")).containsExactly("manager1");
        assertThat(registry.qualified("gamma", today)).get().extracting(Agency::code).isEqualTo("gamma");

        assertThat(send("demo", HttpMethod.GET, "/api/agencies/gamma", null).getBody())
            .containsEntry("licenceNo", "BJ-COL-1").containsEntry("licenceExpiresOn", today.plusYears(1).toString());
        ResponseEntity<List<Map<String, Object>>> all = anonymous.withBasicAuth("manager1", "manager1")
            .exchange("/api/agencies", HttpMethod.GET, null, JSON_LIST);
        assertThat(all.getBody()).extracting(a -> a.get("code")).contains("acme", "beta", "gamma");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        int agencies = count();
        assertRefused(registration("Bad Code", "X", "L-1", today.plusYears(1), 3, true, true), 422, "code");
        assertRefused(registration("delta", " ", "L-1", today.plusYears(1), 3, true, true), 422, "name");
        assertRefused(registration("delta", "Delta", null, today.plusYears(1), 3, true, true), 422, "licenceNo");
        assertRefused(registration("delta", "Delta", "L-1", null, 3, true, true), 422, "licenceExpiresOn");
        assertRefused(registration("delta", "Delta", "L-1", today.plusYears(1), 9, true, true), 422, "rating");
        assertRefused(registration("delta", "Delta", "L-1", today.plusYears(1), 3, null, true), 422, "ndaSigned");
        assertRefused(registration("delta", "Delta", "L-1", today.plusYears(1), 3, false, true), 422, "qualified");
        assertRefused(registration("delta", "Delta", "L-1", today.minusDays(1), 3, true, true), 422, "qualified");
        assertRefused(registration("acme", "Acme again", "L-1", today.plusYears(1), 3, true, true), 409, "code");
        ResponseEntity<Map<String, Object>> badDate = send("manager1", HttpMethod.POST, "/api/agencies",
            Map.of("code", "delta", "name", "Delta", "licenceExpiresOn", "31.12.2030"));
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody()).containsEntry("field", "licenceExpiresOn");
        assertThat(count()).isEqualTo(agencies);
        assertThat(send("manager1", HttpMethod.GET, "/api/agencies/nosuch", null).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReviewThatFailsOrASuspensionStopsPlacementsUntilReinstated() {
        send("manager1", HttpMethod.POST, "/api/agencies",
            registration("epsilon", "Epsilon Debt", "SZ-9", today.plusYears(2), 3, true, true));

        // the licence is renewed but the review fails: not eligible, audited with before and after
        ResponseEntity<Map<String, Object>> reviewed = send("demo", HttpMethod.PUT, "/api/agencies/epsilon/qualification",
            Map.of("licenceNo", "SZ-10", "licenceExpiresOn", today.plusYears(3).toString(), "rating", 2,
                "ndaSigned", true, "qualified", false));
        assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reviewed.getBody()).containsEntry("licenceNo", "SZ-10").containsEntry("eligible", false)
            .containsEntry("ineligibleBecause", "qualification review not passed");
        assertThat(audit("AGENCY_QUALIFICATION_REVIEWED", "epsilon")).containsExactly("demo");
        assertThat(registry.find("epsilon").orElseThrow().eligibleOn(today)).isFalse();
        assertThat(send("manager1", HttpMethod.PUT, "/api/agencies/epsilon/qualification",
            Map.of("licenceNo", "SZ-10", "rating", 2, "ndaSigned", true, "qualified", true)).getBody())
            .containsEntry("field", "licenceExpiresOn");
        send("manager1", HttpMethod.PUT, "/api/agencies/epsilon/qualification", Map.of("licenceNo", "SZ-10",
            "licenceExpiresOn", today.plusYears(3).toString(), "rating", 5, "ndaSigned", true, "qualified", true));
        assertThat(registry.qualified("epsilon", today)).get().extracting(Agency::code).isEqualTo("epsilon");

        // suspension needs a reason; a suspended agency gets no placement, even when the decision table picks it
        assertRefused("/api/agencies/epsilon/suspend", Map.of(), 422, "reason");
        ResponseEntity<Map<String, Object>> suspended = send("manager1", HttpMethod.POST,
            "/api/agencies/epsilon/suspend", Map.of("reason", "complaints about night calls"));
        assertThat(suspended.getBody()).containsEntry("suspended", true).containsEntry("eligible", false)
            .containsEntry("ineligibleBecause", "suspended: complaints about night calls");
        assertThat(registry.qualified("epsilon", today)).get().extracting(Agency::code).isNotEqualTo("epsilon");
        assertThat(audit("AGENCY_SUSPENDED", "epsilon")).containsExactly("manager1");

        assertThat(send("manager1", HttpMethod.POST, "/api/agencies/epsilon/reinstate", null).getBody())
            .containsEntry("suspended", false).containsEntry("eligible", true);
        assertThat(audit("AGENCY_REINSTATED", "epsilon")).containsExactly("manager1");
    }

    @Test
    void onlyManagersAndAdministratorsUseTheRegistry() {
        for (String user : List.of("collector1", "collector2", "legal1", "complaints1", "agency1")) {
            assertThat(anonymous.withBasicAuth(user, user).exchange("/api/agencies", HttpMethod.GET, null, String.class)
                .getStatusCode()).as(user)
                .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(send(user, HttpMethod.POST, "/api/agencies/acme/suspend", Map.of("reason", "x"))
                .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(anonymous.exchange("/api/agencies", HttpMethod.GET, null, String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(registry.find("acme").orElseThrow().suspended()).isFalse();
        assertThat(anonymous.withBasicAuth("demo", "demo").exchange("/api/agencies", HttpMethod.GET, null, JSON_LIST)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void assertRefused(Map<String, Object> registration, int status, String field) {
        assertRefused("/api/agencies", registration, status, field);
    }

    private void assertRefused(String path, Map<String, Object> body, int status, String field) {
        ResponseEntity<Map<String, Object>> answer = send("manager1", HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode().value()).as("%s %s", body, answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).containsEntry("field", field);
        assertThat((String) answer.getBody().get("error")).startsWith(field + ":");
    }

    private ResponseEntity<Map<String, Object>> send(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private static Map<String, Object> registration(String code, String name, String licenceNo, LocalDate expires,
            Integer rating, Boolean nda, Boolean qualified) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("licenceNo", licenceNo);
        body.put("licenceExpiresOn", expires == null ? null : expires.toString());
        body.put("rating", rating);
        body.put("ndaSigned", nda);
        body.put("qualified", qualified);
        return body;
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agency", Integer.class);
    }

    private List<String> audit(String action, String code) {
        return jdbc.queryForList("SELECT actor FROM audit_event WHERE action = ? AND subject_type = 'agency'"
            + " AND subject_id = ? ORDER BY id", String.class, action, code);
    }
}
