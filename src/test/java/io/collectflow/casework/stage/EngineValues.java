package io.collectflow.casework.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Every value the engine keeps for an instance, and whether one holds the case fixtures' raw contact data. */
final class EngineValues {

    static final String PHONE = "+86 138 0013 8000";
    static final String EMAIL = "li.wei@example.cn";
    static final String ADDRESS = "1 Nanjing Road, Shanghai";

    private EngineValues() {
    }

    /** Variables (also task-local), their history (also of deleted instances) and every recorded update. */
    static List<Object> of(RuntimeService runtime, HistoryService history, ProcessInstance pi) {
        List<Object> values = new ArrayList<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list().forEach(v -> values.add(v.getValue()));
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).includeDeleted().list()
            .forEach(v -> values.add(v.getValue()));
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(pi.getId()).list()) {
            if (detail instanceof HistoricVariableUpdate update) {
                values.add(update.getValue());
            }
        }
        return values.stream().filter(Objects::nonNull).toList();
    }

    static boolean rawPii(Object value) {
        if (value == null) {
            return false;
        }
        String text = value.toString();
        return text.contains("138 0013 8000") || text.contains("13800138000") || text.contains(EMAIL)
            || text.contains("Nanjing Road");
    }
}
