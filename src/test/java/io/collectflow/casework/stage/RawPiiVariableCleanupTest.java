package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.RawPiiVariableCleanup;

/**
 * F6: the start-up clean-up removes the raw contact data older versions of the case kept in variables and
 * history. The history filter is off here, so the history looks as those versions left it.
 */
@TestPropertySource(properties = "collectflow.security.pii.history-filter=false")
class RawPiiVariableCleanupTest extends CaseProcessTestSupport {

    @Autowired RawPiiVariableCleanup cleanup;

    @Test
    void startUpCleanupRemovesRawContactDataOfOldCasesFromRuntimeAndHistoryOnce() {
        ProcessInstance running = startCase(fixtures.loan(10, today()), 10);
        Task call = singleTask(running, Elements.CALL_BORROWER);
        ProcessInstance ended = startCase(fixtures.loan(12, today()), 12);
        // what the earlier version of the case left behind
        for (ProcessInstance pi : List.of(running, ended)) {
            runtimeService.setVariable(pi.getId(), "phone", EngineValues.PHONE);
            runtimeService.setVariable(pi.getId(), "email", EngineValues.EMAIL);
            runtimeService.setVariable(pi.getId(), "address", EngineValues.ADDRESS);
        }
        taskService.setVariableLocal(call.getId(), "phone", EngineValues.PHONE);
        runtimeService.setVariable(running.getId(), "address", EngineValues.ADDRESS + " (moved)");
        runtimeService.deleteProcessInstance(ended.getId(), "ended before the clean-up");
        assertThat(EngineValues.of(runtimeService, historyService, running)).anyMatch(EngineValues::rawPii);
        assertThat(EngineValues.of(runtimeService, historyService, ended)).anyMatch(EngineValues::rawPii);

        RawPiiVariableCleanup.Result first = cleanup.run();

        assertThat(first.runtimeVariables()).isGreaterThanOrEqualTo(4);
        assertThat(first.historicVariables()).isGreaterThanOrEqualTo(7);
        assertThat(EngineValues.of(runtimeService, historyService, running)).noneMatch(EngineValues::rawPii);
        assertThat(EngineValues.of(runtimeService, historyService, ended)).noneMatch(EngineValues::rawPii);
        // the case itself goes on with its masked data and its task
        assertThat(variable(running, Vars.PHONE_MASKED)).isEqualTo("138****8000");
        assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isOne();

        assertThat(cleanup.run()).isEqualTo(new RawPiiVariableCleanup.Result(0, 0));
    }
}
