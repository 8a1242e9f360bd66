package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;

/** F6: the case's process variables and their history never hold the borrower's raw contact data. */
class CaseVariablesHoldNoRawPiiTest extends CaseProcessTestSupport {

    /**
     * Raw contact data set on a case now (as older versions did) never reaches the history
     * ({@code PiiHistoryFilterPlugin}); the runtime variables are there until the start-up clean-up.
     */
    @Test
    void rawContactDataSetOnACaseNeverReachesTheHistory() {
        ProcessInstance pi = startCase(fixtures.loan(10, today()), 10);
        runtimeService.setVariable(pi.getId(), "phone", EngineValues.PHONE);
        runtimeService.setVariable(pi.getId(), "address", EngineValues.ADDRESS);
        runtimeService.setVariable(pi.getId(), "address", EngineValues.ADDRESS + " (moved)");
        assertThat(runtimeService.getVariable(pi.getId(), "phone")).isEqualTo(EngineValues.PHONE);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
            .isNotEmpty().noneMatch(v -> EngineValues.rawPii(v.getValue()));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
            .isNotEmpty().noneMatch(d -> EngineValues.rawPii(((HistoricVariableUpdate) d).getValue()));
    }

    @Test
    void aCaseAtTheCallTaskHoldsOnlyMaskedContactData() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);
        assertThat(singleTask(pi, Elements.CALL_BORROWER)).isNotNull();

        assertThat(EngineValues.of(runtimeService, historyService, pi)).isNotEmpty().noneMatch(EngineValues::rawPii);
        assertThat(variable(pi, Vars.PHONE_MASKED)).isEqualTo("138****8000");
        assertThat(variable(pi, Vars.ADDRESS_MASKED)).isEqualTo("1 Nanj***");
    }
}
