package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** litigation-decision.dmn: every row. */
class LitigationDecisionTest extends CaseProcessTestSupport {

    @Autowired DecisionService decisionService;

    @ParameterizedTest
    @CsvSource({
        "100000, 3000, 8000, NO_ACTION",
        "5000, 3000, 3000, NO_ACTION",
        "5000, 3500, 3250, LAWYER_LETTER",
        "19999.99, 9000, 4000, LAWYER_LETTER",
        "20000, 9000, 4000, LITIGATION",
        "60000, 43000, 6000, LITIGATION"})
    void weighsRecoveryAgainstCost(double claim, double recovery, double cost, String action) {
        Object result = decisionService.evaluateDecisionTableByKey("litigation-decision",
            Map.of("legalClaimAmount", claim, "expectedRecovery", recovery, "estimatedLegalCost", cost))
            .getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(action);
    }
}
