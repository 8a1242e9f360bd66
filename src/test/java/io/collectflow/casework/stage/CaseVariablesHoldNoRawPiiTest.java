package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.RawPiiVariableCleanup;

/** F6: the case's process variables and their history never hold the borrower's raw contact data. */
class CaseVariablesHoldNoRawPiiTest extends CaseProcessTestSupport {

    private static final String PHONE = "+86 138 0013 8000";
    private static final String EMAIL = "li.wei@example.cn";
    private static final String ADDRESS = "1 Nanjing Road, Shanghai";

    @Autowired RawPiiVariableCleanup cleanup;

    @Test
    void aCaseAtTheCallTaskHoldsOnlyMaskedContactData() {
        String loanNo = fixtures.loan(10, today());
        ProcessInstance pi = startCase(loanNo, 10);
        assertThat(singleTask(pi, Elements.CALL_BORROWER)).isNotNull();

        assertThat(everyValueOf(pi)).isNotEmpty().noneMatch(RawPii::in);
        assertThat(variable(pi, Vars.PHONE_MASKED)).isEqualTo("138****8000");
        assertThat(variable(pi, Vars.ADDRESS_MASKED)).isEqualTo("1 Nanj***");
    }

    @Test
    void startUpCleanupRemovesRawContactDataOfOldCasesFromRuntimeAndHistoryOnce() {
        ProcessInstance running = startCase(fixtures.loan(10, today()), 10);
        Task call = singleTask(running, Elements.CALL_BORROWER);
        ProcessInstance ended = startCase(fixtures.loan(12, today()), 12);
        // what the earlier version of the case left behind
        for (ProcessInstance pi : List.of(running, ended)) {
            runtimeService.setVariable(pi.getId(), "phone", PHONE);
            runtimeService.setVariable(pi.getId(), "email", EMAIL);
            runtimeService.setVariable(pi.getId(), "address", ADDRESS);
        }
        taskService.setVariableLocal(call.getId(), "phone", PHONE);
        runtimeService.setVariable(running.getId(), "address", ADDRESS + " (moved)");
        runtimeService.deleteProcessInstance(ended.getId(), "ended before the clean-up");
        assertThat(everyValueOf(running)).anyMatch(RawPii::in);
        assertThat(everyValueOf(ended)).anyMatch(RawPii::in);

        RawPiiVariableCleanup.Result first = cleanup.run();

        assertThat(first.runtimeVariables()).isGreaterThanOrEqualTo(4);
        assertThat(first.historicVariables()).isGreaterThanOrEqualTo(7);
        assertThat(everyValueOf(running)).noneMatch(RawPii::in);
        assertThat(everyValueOf(ended)).noneMatch(RawPii::in);
        // the case itself goes on with its masked data and its task
        assertThat(variable(running, Vars.PHONE_MASKED)).isEqualTo("138****8000");
        assertThat(taskService.createTaskQuery().taskId(call.getId()).count()).isOne();

        assertThat(cleanup.run()).isEqualTo(new RawPiiVariableCleanup.Result(0, 0));
    }

    /** Every value the engine keeps for the instance: variables (also task-local), their history and updates. */
    private List<Object> everyValueOf(ProcessInstance pi) {
        List<Object> values = new ArrayList<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list()
            .forEach(v -> values.add(v.getValue()));
        historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).includeDeleted().list()
            .forEach(v -> values.add(v.getValue()));
        for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).list()) {
            if (detail instanceof HistoricVariableUpdate update) {
                values.add(update.getValue());
            }
        }
        return values.stream().filter(Objects::nonNull).toList();
    }

    private static final class RawPii {
        static boolean in(Object value) {
            String text = value.toString();
            return text.contains("138 0013 8000") || text.contains("13800138000") || text.contains(EMAIL)
                || text.contains("Nanjing Road");
        }
    }
}
