package io.collectflow.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** agency-selection.dmn: every row. */
class AgencySelectionDecisionTest extends CaseProcessTestSupport {

    @Autowired DecisionService decisionService;

    @ParameterizedTest
    @CsvSource({
        "100000, 200, 5, acme, CHAMPION",
        "250000, 400, 99, acme, CHAMPION",
        "99999.99, 200, 0, beta, CHALLENGER",
        "5000, 120, 19, beta, CHALLENGER",
        "5000, 120, 20, acme, CHAMPION",
        "5000, 400, 99, acme, CHAMPION"})
    void picksChampionOrChallenger(double amount, int dpd, int draw, String agency, String selection) {
        DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey("agency-selection",
            Map.of("overdueAmount", amount, "dpd", dpd, "challengerDraw", draw)).getSingleResult();
        assertThat((String) result.get("preferredAgency")).isEqualTo(agency);
        assertThat((String) result.get("agencySelection")).isEqualTo(selection);
    }
}
