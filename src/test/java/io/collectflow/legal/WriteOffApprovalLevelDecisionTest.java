package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** write-off-approval-level.dmn: every row, at its bounds. */
class WriteOffApprovalLevelDecisionTest extends CaseProcessTestSupport {

    @Autowired DecisionService decisionService;

    @ParameterizedTest
    @CsvSource({
        "0.01, managers, 1", "4999.99, managers, 1",
        "5000, managers, 2", "49999.99, managers, 2",
        "50000, senior-managers, 2", "499999.99, senior-managers, 2",
        "500000, committee, 2", "9000000, committee, 2"})
    void amountPicksTheLevel(double amount, String group, int approvals) {
        DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey("write-off-approval-level",
            Map.of("writeOffAmount", amount)).getSingleResult();
        assertThat((String) result.get("approverGroup")).isEqualTo(group);
        assertThat(((Number) result.get("approvalsRequired")).intValue()).isEqualTo(approvals);
    }
}
