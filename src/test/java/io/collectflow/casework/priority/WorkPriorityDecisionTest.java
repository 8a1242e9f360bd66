package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.collectflow.risk.DmnFile;

/**
 * processes/work-priority.dmn: the points of each row at its boundaries, the rows that add up, and a case no
 * scoring has graded yet. The last check proves no row went untested.
 */
class WorkPriorityDecisionTest {

    private static final DmnFile TABLE = new DmnFile(WorkPriority.DECISION_KEY);

    @ParameterizedTest(name = "dpd={0} amount={1} {2} broken={3} -> {4} points")
    @CsvSource(nullValues = "null", textBlock = """
        # dpd, amount,   risk,   broken, points, rows besides Base (space-separated)
        1,     999.99,   LOW,    0,      10,     -
        29,    1000,     null,   0,      20,     Amount1000
        30,    4999.99,  MEDIUM, 0,      40,     Dpd30 Amount1000 RiskMedium
        59,    5000,     LOW,    0,      40,     Dpd30 Amount5000
        60,    19999.99, HIGH,   0,      70,     Dpd60 Amount5000 RiskHigh
        400,   20000,    LOW,    1,      70,     Dpd60 Amount20000 BrokenPromise
        95,    60000,    HIGH,   2,      100,    Dpd60 Amount20000 RiskHigh BrokenPromise BrokenPromises
        """)
    void pointsAddUpOverTheMatchingRows(int dpd, double amount, String risk, int broken, int points, String rows) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dpd", dpd);
        vars.put("overdueAmount", amount);
        vars.put("riskGrade", risk);
        vars.put("brokenPromises", broken);

        DmnFile.Result result = TABLE.evaluate(vars);

        List<String> expected = new ArrayList<>(List.of("Rule_Base"));
        if (!"-".equals(rows)) {
            Arrays.stream(rows.split(" ")).map(r -> "Rule_" + r).forEach(expected::add);
        }
        assertThat(result.rules()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(((Number) result.get("points")).intValue()).isEqualTo(points);
    }

    @AfterAll
    static void everyRuleWasHit() {
        assertThat(TABLE.untestedRules()).as("rules no case of this test matched").isEmpty();
    }
}
