package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.CollectionCase.StageChanges;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.risk.DmnFile;

/**
 * processes/strategy-stage-change.dmn: what a re-evaluated strategy does to the case's stage. For every stage the case
 * may work (none yet, and one the table does not know, included) and every stage the strategy may ask for, the table
 * answers what the gateway condition it replaced did ({@code collectionStages.isLater(strategyStage, currentStage)}:
 * MOVE, else equal stages: SAME, else KEEP); every rule is matched.
 */
class StrategyStageChangeDecisionTest {

    private static final DmnFile TABLE = new DmnFile(CollectionCase.STAGE_CHANGE_DECISION_KEY);
    private static final List<String> STAGES = new ArrayList<>(CollectionStages.ORDER);

    static {
        STAGES.add("SOMETHING_ELSE");
    }

    private static String formerGateway(String strategyStage, String currentStage) {
        if (new CollectionStages().isLater(strategyStage, currentStage)) {
            return StageChanges.MOVE;
        }
        return Objects.equals(strategyStage, currentStage) ? StageChanges.SAME : StageChanges.KEEP;
    }

    private static DmnFile.Result decide(String currentStage, String strategyStage) {
        Map<String, Object> input = new HashMap<>();
        input.put(Vars.CURRENT_STAGE, currentStage);
        input.put(Vars.STRATEGY_STAGE, strategyStage);
        return TABLE.evaluate(input);
    }

    @Test
    void everyStageTheStrategyAsksForIsDecidedAsTheGatewayDid() {
        List<String> currents = new ArrayList<>(STAGES);
        currents.add(null);
        for (String current : currents) {
            for (String strategy : STAGES) {
                assertThat(decide(current, strategy).get(Vars.STRATEGY_STAGE_CHANGE)).as(current + " -> " + strategy)
                    .isEqualTo(formerGateway(strategy, current));
            }
        }
    }

    @Test
    void eachRuleDecidesItsCase() {
        String[][] cases = {
            {null, "AGENCY", "Rule_NoStageYet", "KEEP"},
            {"AGENCY", "AGENCY", "Rule_SameStage", "SAME"},
            {"SOMETHING_ELSE", "SOMETHING_ELSE", "Rule_SameStage", "SAME"},
            {"FIRST_LINE", "SECOND_LINE", "Rule_FirstLineMoves", "MOVE"},
            {"SECOND_LINE", "AGENCY", "Rule_SecondLineMoves", "MOVE"},
            {"AGENCY", "LEGAL", "Rule_AgencyMoves", "MOVE"},
            {"LEGAL", "WRITE_OFF", "Rule_LegalMoves", "MOVE"},
            {"SOMETHING_ELSE", "FIRST_LINE", "Rule_UnknownStageMoves", "MOVE"},
            {"WRITE_OFF", "LEGAL", "Rule_EarlierStage", "KEEP"},
            {"FIRST_LINE", "SOMETHING_ELSE", "Rule_EarlierStage", "KEEP"}};
        for (String[] c : cases) {
            DmnFile.Result result = decide(c[0], c[1]);
            assertThat(result.rule()).as(Arrays.toString(c)).isEqualTo(c[2]);
            assertThat(result.get(Vars.STRATEGY_STAGE_CHANGE)).as(Arrays.toString(c)).isEqualTo(c[3]);
        }
    }

    /** A case still being prepared has no stage variable yet: nothing changes, as before. */
    @Test
    void aCaseWithoutTheStageVariableKeepsItsState() {
        DmnFile.Result result = TABLE.evaluate(Map.of(Vars.STRATEGY_STAGE, "LEGAL"));

        assertThat(result.rule()).isEqualTo("Rule_NoStageYet");
        assertThat(result.get(Vars.STRATEGY_STAGE_CHANGE)).isEqualTo(StageChanges.KEEP);
    }

    @AfterAll
    static void everyRuleTested() {
        assertThat(TABLE.untestedRules()).isEmpty();
    }
}
