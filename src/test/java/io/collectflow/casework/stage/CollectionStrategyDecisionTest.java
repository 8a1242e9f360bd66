package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
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
 * processes/collection-strategy.dmn: every rule of both variants (expanded, short), including the
 * DPD boundaries, with the rule that matched. The last check proves no rule went untested.
 */
class CollectionStrategyDecisionTest {

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
        try (InputStream in = Files.newInputStream(Path.of("processes/collection-strategy.dmn"))) {
            decision = engine.parseDecision("collection-strategy", in);
        }
    }

    @ParameterizedTest(name = "{0} dpd={1} amount={2} {3} {4} {5} broken={6} from={7} -> {8}")
    @CsvSource(nullValues = "null", textBlock = """
        # variant, dpd, amount, product, risk, reason, broken, escalatedFrom, rule, stage, group, plan, retry
        expanded, 45,   1050,  consumer,       MEDIUM, OTHER,     0, FIRST_LINE,  EscalateFirstLine,            SECOND_LINE, collectors-l2, null,        P3D
        short,    45,   1050,  consumer,       MEDIUM, OTHER,     0, FIRST_LINE,  EscalateFirstLine,            SECOND_LINE, collectors-l2, null,        P3D
        expanded, 100,  3000,  consumer,       MEDIUM, OTHER,     0, SECOND_LINE, EscalateSecondLineExpanded,   AGENCY,      managers,      null,        P7D
        short,    70,   3000,  consumer,       MEDIUM, OTHER,     0, SECOND_LINE, EscalateSecondLineShort,      LEGAL,       legal,         null,        P7D
        expanded, 200,  6000,  consumer,       MEDIUM, OTHER,     0, AGENCY,      EscalateAgency,               LEGAL,       legal,         null,        P7D
        short,    200,  6000,  consumer,       MEDIUM, OTHER,     0, AGENCY,      EscalateAgency,               LEGAL,       legal,         null,        P7D
        expanded, 400,  9000,  consumer,       MEDIUM, OTHER,     0, LEGAL,       EscalateLegal,                WRITE_OFF,   managers,      null,        P7D
        short,    400,  9000,  consumer,       MEDIUM, OTHER,     0, WRITE_OFF,   EscalateWriteOff,             LEGAL,       legal,         null,        P7D
        short,    95,   3000,  consumer,       MEDIUM, MALICIOUS, 0, NONE,        Short90Plus,                  LEGAL,       legal,         HANDOVER_90, P7D
        short,    90,   3000,  consumer,       MEDIUM, OTHER,     0, NONE,        Short90Plus,                  LEGAL,       legal,         HANDOVER_90, P7D
        short,    89,   3000,  consumer,       MEDIUM, OTHER,     0, NONE,        Short60To89,                  SECOND_LINE, collectors-l2, VOICE_60,    P3D
        short,    60,   3000,  consumer,       MEDIUM, OTHER,     0, NONE,        Short60To89,                  SECOND_LINE, collectors-l2, VOICE_60,    P3D
        short,    59,   2000,  consumer,       MEDIUM, OTHER,     0, NONE,        Short30To59,                  FIRST_LINE,  collectors-l1, REMINDER_30, PT4H
        short,    30,   2000,  consumer,       MEDIUM, OTHER,     0, NONE,        Short30To59,                  FIRST_LINE,  collectors-l1, REMINDER_30, PT4H
        short,    29,   1050,  consumer,       MEDIUM, OTHER,     0, NONE,        Short1To29,                   FIRST_LINE,  collectors-l1, NONE,        PT4H
        short,    1,    1050,  consumer,       MEDIUM, OTHER,     0, NONE,        Short1To29,                   FIRST_LINE,  collectors-l1, NONE,        PT4H
        expanded, 95,   3000,  consumer,       MEDIUM, MALICIOUS, 0, NONE,        ExpandedMalicious,            LEGAL,       legal,         HANDOVER_90, P7D
        expanded, 200,  60000, consumer,       HIGH,   OTHER,     0, NONE,        ExpandedHighRiskLarge,        LEGAL,       legal,         HANDOVER_90, P7D
        expanded, 800,  3000,  consumer,       MEDIUM, OTHER,     0, NONE,        ExpandedSmallBalanceWriteOff, WRITE_OFF,   managers,      HANDOVER_90, P7D
        expanded, 800,  10000, consumer,       MEDIUM, OTHER,     0, NONE,        Expanded360Plus,              LEGAL,       legal,         HANDOVER_90, P7D
        expanded, 360,  3000,  consumer,       MEDIUM, OTHER,     0, NONE,        Expanded360Plus,              LEGAL,       legal,         HANDOVER_90, P7D
        expanded, 359,  60000, consumer,       MEDIUM, OTHER,     0, NONE,        Expanded180To359,             AGENCY,      managers,      HANDOVER_90, P7D
        expanded, 180,  3000,  consumer,       LOW,    OTHER,     0, NONE,        Expanded180To359,             AGENCY,      managers,      HANDOVER_90, P7D
        expanded, 179,  3000,  consumer,       HIGH,   OTHER,     0, NONE,        Expanded90To179,              SECOND_LINE, collectors-l2, HANDOVER_90, P3D
        expanded, 90,   3000,  consumer,       MEDIUM, FORGOT,    0, NONE,        Expanded90To179,              SECOND_LINE, collectors-l2, HANDOVER_90, P3D
        expanded, 70,   3000,  small_business, MEDIUM, CASH_FLOW, 0, NONE,        ExpandedSmallBusiness60,      SECOND_LINE, collectors-l2, VOICE_60,    P3D
        expanded, 70,   3000,  consumer,       MEDIUM, CASH_FLOW, 2, NONE,        ExpandedBrokenPromises60,     SECOND_LINE, collectors-l2, VOICE_60,    P3D
        expanded, 89,   3000,  consumer,       MEDIUM, CASH_FLOW, 1, NONE,        Expanded60To89,               FIRST_LINE,  collectors-l1, VOICE_60,    PT2H
        expanded, 60,   3000,  consumer,       MEDIUM, OTHER,     0, NONE,        Expanded60To89,               FIRST_LINE,  collectors-l1, VOICE_60,    PT2H
        expanded, 59,   2000,  small_business, MEDIUM, OTHER,     3, NONE,        Expanded30To59,               FIRST_LINE,  collectors-l1, REMINDER_30, PT4H
        expanded, 30,   2000,  consumer,       MEDIUM, MALICIOUS, 0, NONE,        Expanded30To59,               FIRST_LINE,  collectors-l1, REMINDER_30, PT4H
        pilot,    45,   2000,  consumer,       MEDIUM, OTHER,     0, NONE,        Expanded30To59,               FIRST_LINE,  collectors-l1, REMINDER_30, PT4H
        expanded, 29,   1050,  consumer,       MEDIUM, OTHER,     0, NONE,        Expanded1To29,                FIRST_LINE,  collectors-l1, NONE,        PT4H
        expanded, 1,    1050,  consumer,       MEDIUM, OTHER,     0, NONE,        Expanded1To29,                FIRST_LINE,  collectors-l1, NONE,        PT4H
        """)
    void everyRuleOfBothVariants(String variant, int dpd, double amount, String product, String risk, String reason,
            int broken, String escalatedFrom, String rule, String stage, String group, String plan, String retry) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("strategyVariant", variant);
        vars.put("dpd", dpd);
        vars.put("bucket", "any");
        vars.put("overdueAmount", amount);
        vars.put("product", product);
        vars.put("riskGrade", risk);
        vars.put("overdueReason", reason);
        vars.put("brokenPromises", broken);
        vars.put("escalatedFrom", escalatedFrom);
        matched.clear();

        DmnDecisionResultEntries result = engine.evaluateDecision(decision, vars).getSingleResult();

        assertThat(matched).containsExactly("Rule_" + rule);
        hitRules.add("Rule_" + rule);
        assertThat((String) result.get("stage")).isEqualTo(stage);
        assertThat((String) result.get("candidateGroup")).isEqualTo(group);
        assertThat((String) result.get("contactPlan")).isEqualTo(plan);
        assertThat((String) result.get("retryAfter")).isEqualTo(retry);
    }

    @AfterAll
    static void everyRuleWasHit() {
        Set<String> all = new HashSet<>();
        ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().forEach(r -> all.add(r.getId()));
        assertThat(all).hasSize(21);
        assertThat(hitRules).as("rules evaluated by this test").containsExactlyInAnyOrderElementsOf(all);
    }
}
