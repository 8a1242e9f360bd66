package io.collectflow.casework;

import static io.collectflow.web.JsonTypes.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.agency.AgencyRegistry;
import io.collectflow.agency.PlacementService;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.kpi.KpiSnapshotService;
import io.collectflow.loan.LenderCalendar;
import io.collectflow.security.SecurityTestUsers;
import io.collectflow.security.authz.StartupGrants;

/**
 * The lender's today ({@link LenderCalendar}: the application's clock in {@code collectflow.lender.zone},
 * Asia/Shanghai) wherever a date is left to the server: the application's clock is pinned at Thursday 17:00 UTC, when
 * the server (UTC, as this clock) is still on Thursday and the lender already on Friday. Before, each of these took
 * the server's Thursday.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(LenderTodayApiTest.ThursdayEveningOnAUtcServer.class)
class LenderTodayApiTest {

    static final Instant THURSDAY_1700_UTC = Instant.parse("2026-03-05T17:00:00Z");
    static final LocalDate SERVERS_THURSDAY = LocalDate.of(2026, 3, 5);
    static final LocalDate LENDERS_FRIDAY = LocalDate.of(2026, 3, 6);

    @TestConfiguration
    static class ThursdayEveningOnAUtcServer {
        @Bean
        @Primary
        Clock thursdayEvening() {
            return Clock.fixed(THURSDAY_1700_UTC, ZoneOffset.UTC);
        }
    }

    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identities;
    @Autowired StartupGrants grants;
    @Autowired JdbcTemplate jdbc;
    @Autowired KpiSnapshotService snapshots;
    @Autowired AgencyRegistry agencies;
    @Autowired PlacementService placements;

    @BeforeEach
    void users() {
        SecurityTestUsers.ensure(identities, grants);
    }

    @Test
    void aScanWithoutADateScansTheLendersToday() {
        ResponseEntity<Map<String, Object>> scan = call("demo", HttpMethod.POST, "/api/delinquency/scan", null);

        assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scan.getBody()).containsEntry("asOf", LENDERS_FRIDAY.toString());
    }

    @Test
    void theDailyKpiSnapshotAndTheKpisWithoutADateAreOfTheLendersToday() {
        snapshots.daily();

        assertThat(jdbc.queryForList("SELECT as_of FROM kpi_snapshot", LocalDate.class))
            .containsExactly(LENDERS_FRIDAY);
        assertThat(call("manager1", HttpMethod.GET, "/api/kpis", null).getBody())
            .containsEntry("asOf", LENDERS_FRIDAY.toString());
        assertThat(call("manager1", HttpMethod.GET, "/api/kpis/challenger", null).getBody())
            .containsEntry("asOf", LENDERS_FRIDAY.toString());
    }

    @Test
    void aLicenceThatExpiredOnTheServersThursdayCannotPassAReviewOnTheLendersFriday() {
        ResponseEntity<Map<String, Object>> registered = call("manager1", HttpMethod.POST, "/api/agencies",
            Map.of("code", "thursday", "name", "Thursday Collect", "licenceNo", "SH-COL-9",
                "licenceExpiresOn", SERVERS_THURSDAY.toString(), "rating", 3,
                "ndaSigned", true, "qualified", true));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(registered.getBody()).containsEntry("field", "qualified");
    }

    @Test
    void anAgencyShowsEligibleOrNotOnTheLendersToday() {
        call("manager1", HttpMethod.POST, "/api/agencies", Map.of("code", "lastday", "name", "Last Day Collect",
            "licenceNo", "SH-COL-8", "licenceExpiresOn", LENDERS_FRIDAY.toString(), "rating", 3, "ndaSigned", true,
            "qualified", true));
        // the licence as a review recorded it before: it ran until the server's Thursday
        jdbc.update("UPDATE agency SET licence_expires_on = ? WHERE code = 'lastday'", SERVERS_THURSDAY);

        assertThat(call("manager1", HttpMethod.GET, "/api/agencies/lastday", null).getBody())
            .containsEntry("eligible", false);
    }

    @Test
    void collateralValuedOnTheLendersTodayIsNotInTheFuture() {
        String loanNo = new CaseFixtures(jdbc).loan(400, SERVERS_THURSDAY);
        Map<String, Object> item = new HashMap<>(Map.of("type", "VEHICLE", "description", "BYD Qin 2022",
            "estimatedValue", new BigDecimal("40000.00"), "valuationDate", LENDERS_FRIDAY.toString()));

        ResponseEntity<Map<String, Object>> registered = call("manager1", HttpMethod.POST,
            "/api/loans/" + loanNo + "/collateral", item);

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        item.put("valuationDate", LENDERS_FRIDAY.plusDays(1).toString());
        assertThat(call("manager1", HttpMethod.POST, "/api/loans/" + loanNo + "/collateral", item).getStatusCode())
            .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** The fixtures' borrower lives in Shanghai: a payment the agency reports without a date was made on its Friday. */
    @Test
    void aPaymentAnAgencyReportsWithoutADateIsPaidOnTheBorrowersToday() {
        String loanNo = new CaseFixtures(jdbc).loan(200, SERVERS_THURSDAY);
        placements.place(loanNo, agencies.find("acme").orElseThrow(), "test", "phone only", "pi-" + loanNo,
            THURSDAY_1700_UTC);

        ResponseEntity<Map<String, Object>> paid = call("agency1", HttpMethod.POST,
            "/api/agency/cases/" + loanNo + "/payments", Map.of("paymentRef", "ACME-" + loanNo, "amount", 300));

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT paid_on FROM payment WHERE payment_ref = ?", LocalDate.class,
            "ACME-" + loanNo)).isEqualTo(LENDERS_FRIDAY);
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        return anonymous.withBasicAuth(user, user).exchange(path, method, body == null ? null : new HttpEntity<>(body),
            JSON);
    }
}
