package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.risk.DmnFile;

/**
 * processes/lost-borrower-legal-handover.dmn (C5 "assess and proceed"): whether litigation prepared against a borrower
 * nobody found moves the collection case to the legal stage. Every rule, with the rule that matched, and the answer the
 * gateway condition the table replaced gave ({@code collectionStages.isLater('LEGAL', currentStage)}) for every stage,
 * no stage and a stage the table does not know.
 */
class LostBorrowerLegalHandoverDecisionTest {

    private static final DmnFile TABLE = new DmnFile(CollectionCase.LEGAL_HANDOVER_DECISION_KEY);

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(nullValues = "null", textBlock = """
        FIRST_LINE,  true,  Rule_EarlierStage
        SECOND_LINE, true,  Rule_EarlierStage
        AGENCY,      true,  Rule_EarlierStage
        LEGAL,       false, Rule_LegalOrLater
        WRITE_OFF,   false, Rule_LegalOrLater
        null,        false, Rule_NoStageYet
        SOMETHING,   true,  Rule_EarlierStage""")
    void earlierStagesMoveToLegalTheOthersStay(String currentStage, boolean handOver, String rule) {
        Map<String, Object> input = new HashMap<>();
        input.put(Vars.CURRENT_STAGE, currentStage);

        DmnFile.Result result = TABLE.evaluate(input);

        assertThat(result.rule()).isEqualTo(rule);
        assertThat(result.get(Vars.HAND_OVER_TO_LEGAL)).isEqualTo(handOver);
        assertThat(handOver).as("what the gateway condition decided")
            .isEqualTo(new CollectionStages().isLater(Stages.LEGAL, currentStage));
    }

    /** A case still being prepared has no stage variable yet: it stays where it is, as before. */
    @Test
    void aCaseWithoutTheStageVariableStays() {
        DmnFile.Result result = TABLE.evaluate(Map.of());

        assertThat(result.rule()).isEqualTo("Rule_NoStageYet");
        assertThat(result.get(Vars.HAND_OVER_TO_LEGAL)).isEqualTo(false);
    }

    @AfterAll
    static void everyRuleTested() {
        assertThat(TABLE.untestedRules()).isEmpty();
    }
}
