package io.collectflow.kpi;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.collectflow.casework.CollectionCase;

/**
 * Records the stage history of collection cases without touching the model: while collection-case.bpmn
 * is parsed, built-in start and end listeners are added to the sub-process that works a stage
 * ({@value #WORK_STAGE}); they hand the {@code stage} variable and the engine's clock to
 * {@link CaseStageRecorder}. Built-in listeners also run when an instance is cancelled skipping custom listeners.
 */
public class CaseStagePlugin extends AbstractProcessEnginePlugin {

    /** The sub-process of collection-case.bpmn that is entered once per stage (again after each move). */
    public static final String WORK_STAGE = "SubProcess_WorkStage";

    private final CaseStageRecorder recorder;
    private final ExecutionListener enteredListener = this::entered;
    private final ExecutionListener leftListener = this::left;

    public CaseStagePlugin(CaseStageRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
                ActivityImpl workStage = CollectionCase.PROCESS_KEY.equals(processDefinition.getKey())
                    ? processDefinition.findActivity(WORK_STAGE) : null;
                if (workStage != null) {
                    workStage.addBuiltInListener(ExecutionListener.EVENTNAME_START, enteredListener);
                    workStage.addBuiltInListener(ExecutionListener.EVENTNAME_END, leftListener);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void entered(DelegateExecution execution) {
        Object stage = execution.getVariable(CollectionCase.Vars.STAGE);
        recorder.entered(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
            stage == null ? "(unknown)" : stage.toString(), now());
    }

    private void left(DelegateExecution execution) {
        recorder.left(execution.getProcessInstanceId(), now());
    }

    private static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    }
}
