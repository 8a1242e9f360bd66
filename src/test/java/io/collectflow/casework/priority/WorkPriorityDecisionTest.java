package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/work-priority.dmn: the points of each row at its boundaries, the rows that add up, and a case no
 * scoring has graded yet. The last check proves no row went untested.
 */
class WorkPriorityDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;
    private static final List<String> matched = new ArrayList<>();
    private static final Set<String> hitRules = new HashSet<>();

    @BeforeAll
    static void parse() throws Exception {
        DefaultDmnEngineConfiguration configuration =
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(
            (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(r -> matched.add(r.getId()))));
        engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes/work-priority.dmn"))) {
            decision = engine.parseDecision(WorkPriority.DECISION_KEY, in);
        }
    }

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
        matched.clear();

        Object result = engine.evaluateDecisionTable(decision, vars).getSingleEntry();

        List<String> expected = new ArrayList<>(List.of("Rule_Base"));
        if (!"-".equals(rows)) {
            Arrays.stream(rows.split(" ")).map(r -> "Rule_" + r).forEach(expected::add);
        }
        assertThat(matched).containsExactlyInAnyOrderElementsOf(expected);
        hitRules.addAll(matched);
        assertThat(((Number) result).intValue()).isEqualTo(points);
    }

    @AfterAll
    static void everyRuleWasHit() {
        Set<String> all = new HashSet<>();
        ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().forEach(r -> all.add(r.getId()));
        assertThat(all).hasSize(10);
        assertThat(hitRules).as("rules evaluated by this test").containsExactlyInAnyOrderElementsOf(all);
    }
}
