package io.collectflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.security.SecurityTestUsers;

/**
 * The risk score after a contact is computed on the request thread of whoever recorded it (a collector in Tasklist),
 * with Camunda authorizations on: the decision tables are evaluated for the system, not as that user, who may not
 * evaluate decisions through the API; the user's login is back afterwards.
 */
@SpringBootTest(properties = "camunda.bpm.authorization.enabled=true")
@ActiveProfiles("test")
class RiskScoringAsUserTest {

    @Autowired RiskService risk;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCollectorsContactIsScoredAndTheirLoginIsKept() {
        SecurityTestUsers.ensureUser(identity, "collector8", "collectors-l1");
        String loanNo = new CaseFixtures(jdbc).loan(45, LocalDate.now());
        identity.setAuthentication("collector8", List.of("collectors-l1"));
        try {
            RiskService.RiskAssessment a = risk.assess(loanNo, RiskService.CONTACT_RECORDED, Instant.now());

            assertThat(a.grade()).isIn("LOW", "MEDIUM", "HIGH");
            assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("collector8");
            assertThat(identity.getCurrentAuthentication().getGroupIds()).containsExactly("collectors-l1");
        } finally {
            identity.clearAuthentication();
        }
    }
}
