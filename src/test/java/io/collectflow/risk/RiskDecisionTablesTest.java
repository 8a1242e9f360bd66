package io.collectflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/risk-grade.dmn and processes/overdue-reason.dmn, with boundaries. */
class RiskDecisionTablesTest {

    private static final DmnFile GRADE = new DmnFile("risk-grade");
    private static final DmnFile REASON = new DmnFile("overdue-reason");

    @ParameterizedTest(name = "score {0} malicious {1} -> {3}")
    @CsvSource({
        "0,    false, Rule_ScoreLow,      LOW",
        "399,  false, Rule_ScoreLow,      LOW",
        "400,  false, Rule_ScoreMedium,   MEDIUM",
        "699,  false, Rule_ScoreMedium,   MEDIUM",
        "700,  false, Rule_ScoreHigh,     HIGH",
        "1000, false, Rule_ScoreHigh,     HIGH",
        "120,  true,  Rule_MaliciousHigh, HIGH"})
    void riskGrade(int score, boolean malicious, String rule, String grade) {
        DmnFile.Result r = GRADE.evaluate(Map.of("score", score, "malicious", malicious));
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(r.get("riskGrade")).isEqualTo(grade);
    }

    @ParameterizedTest(name = "{0} notKept={1} refusals={2} -> {4}")
    @CsvSource(nullValues = "null", value = {
        "CASH_FLOW,    2, 1, Rule_RepeatedBrokenAndRefused, MALICIOUS,    true",
        "null,         0, 3, Rule_RepeatedRefusals,         MALICIOUS,    true",
        "MALICIOUS,    0, 0, Rule_ReportedMalicious,        MALICIOUS,    true",
        "UNEMPLOYMENT, 2, 0, Rule_Unemployment,             UNEMPLOYMENT, false",
        "CASH_FLOW,    1, 2, Rule_CashFlow,                 CASH_FLOW,    false",
        "FORGOT,       0, 0, Rule_ForgotOnce,               FORGOT,       false",
        "FORGOT,       1, 0, Rule_ForgotButBroken,          CASH_FLOW,    false",
        "null,         1, 2, Rule_Other,                    OTHER,        false",
        "OTHER,        0, 0, Rule_Other,                    OTHER,        false"})
    void overdueReason(String reported, int notKept, int refusals, String rule, String reason, boolean malicious) {
        Map<String, Object> in = new HashMap<>();
        in.put("reportedReason", reported);
        in.put("notKeptPromises", notKept);
        in.put("refusals", refusals);
        DmnFile.Result r = REASON.evaluate(in);
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(r.get("overdueReason")).isEqualTo(reason);
        assertThat(r.get("malicious")).isEqualTo(malicious);
    }

    @AfterAll
    static void everyRuleWasTested() {
        assertThat(GRADE.untestedRules()).isEmpty();
        assertThat(REASON.untestedRules()).isEmpty();
    }
}
