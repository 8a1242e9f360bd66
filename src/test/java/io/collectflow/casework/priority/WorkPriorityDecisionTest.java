package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * The shipped processes/work-priority.dmn gives every task the same points. The example score card
 * {@link #ROLL_TABLE} (work cases before they roll into the next bucket, then by amount): the points of each row at
 * its boundaries, the rows that add up, and a case no scoring has graded yet; the last check proves no row of the
 * example went untested.
 */
class WorkPriorityDecisionTest {

    static final Path ROLL_TABLE = Path.of("src/test/resources/simulation/roll-work-priority.dmn");
    private static final DmnFile SHIPPED = new DmnFile(WorkPriority.DECISION_KEY);
    private static final DmnFile EXAMPLE = new DmnFile(WorkPriority.DECISION_KEY, ROLL_TABLE);

    @ParameterizedTest(name = "shipped table: dpd={0} amount={1} {2} broken={3} -> 50 points")
    @CsvSource(nullValues = "null", textBlock = """
        0,   0,     null, 0
        25,  1000,  HIGH, 2
        400, 60000, LOW,  0
        """)
    void theShippedTableGivesEveryTaskTheSamePoints(int dpd, double amount, String risk, int broken) {
        DmnFile.Result result = SHIPPED.evaluate(input(dpd, amount, risk, broken));

        assertThat(result.rules()).containsExactly("Rule_Base");
        assertThat(((Number) result.get("points")).intValue()).isEqualTo(WorkPriority.DEFAULT);
    }

    @ParameterizedTest(name = "example: dpd={0} amount={1} {2} broken={3} -> {4} points")
    @CsvSource(nullValues = "null", textBlock = """
        # dpd, amount,   risk,   broken, points, rows besides Base (space-separated)
        0,     999.99,   LOW,    0,      10,     -
        1,     1000,     null,   0,      40,     Early Amount1000
        19,    4999.99,  MEDIUM, 0,      40,     Early Amount1000
        20,    5000,     LOW,    0,      60,     RollTo30 Amount5000
        29,    19999.99, HIGH,   0,      70,     RollTo30 Amount5000 RiskHigh
        30,    20000,    LOW,    1,      50,     Amount20000 BrokenPromise
        49,    999.99,   HIGH,   3,      30,     RiskHigh BrokenPromise
        50,    100,      LOW,    0,      40,     RollTo60
        59,    100,      LOW,    0,      40,     RollTo60
        60,    100,      LOW,    0,      10,     -
        80,    25000,    HIGH,   2,      80,     RollTo90 Amount20000 RiskHigh BrokenPromise
        89,    100,      LOW,    0,      30,     RollTo90
        90,    100,      LOW,    0,      10,     -
        """)
    void theExampleScoreCardAddsUpTheMatchingRows(int dpd, double amount, String risk, int broken, int points,
            String rows) {
        DmnFile.Result result = EXAMPLE.evaluate(input(dpd, amount, risk, broken));

        List<String> expected = new ArrayList<>(List.of("Rule_Base"));
        if (!"-".equals(rows)) {
            Arrays.stream(rows.split(" ")).map(r -> "Rule_" + r).forEach(expected::add);
        }
        assertThat(result.rules()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(((Number) result.get("points")).intValue()).isEqualTo(points);
    }

    private static Map<String, Object> input(int dpd, double amount, String risk, int broken) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("dpd", dpd);
        vars.put("overdueAmount", amount);
        vars.put("riskGrade", risk);
        vars.put("brokenPromises", broken);
        return vars;
    }

    @AfterAll
    static void everyRuleOfTheExampleWasHit() {
        assertThat(EXAMPLE.untestedRules()).as("rules no case of this test matched").isEmpty();
    }
}
