package io.collectflow.casework.form;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The start form handler of a process whose start event has a Camunda Form: a start through the form (Tasklist's
 * "Start process", {@code POST /process-definition/{id}/submit-form}) must satisfy the form with what it submits, a
 * number field's text taken as its number ({@link NumberFieldValues}).
 * Starts without the form ({@code /start}, the application's own starts) are not checked. Everything else is the
 * engine's handler.
 */
final class StartFormCheck implements StartFormHandler {

    private final StartFormHandler engineHandler;
    private final FormDefinition form;
    private final DeployedForms forms;
    private final FormValidator validator;
    private final FormZones zones;

    StartFormCheck(StartFormHandler engineHandler, FormDefinition form, DeployedForms forms, FormValidator validator,
            FormZones zones) {
        this.engineHandler = engineHandler;
        this.form = form;
        this.forms = forms;
        this.validator = validator;
        this.zones = zones;
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
        if (variableScope instanceof DelegateExecution execution) {
            forms.find(form, execution.getProcessDefinitionId(), execution).ifPresent(schema -> {
                NumberFieldValues.coerce(schema, properties::get, properties::put);
                List<String> problems = validator.problems(schema, properties::get,
                    ClockUtil.getCurrentTime().toInstant(), () -> zones.of(properties::get));
                if (!problems.isEmpty()) {
                    throw new InvalidFormException(schema.id(), problems);
                }
            });
        }
        engineHandler.submitFormVariables(properties, variableScope);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
        return engineHandler.createStartFormData(processDefinition);
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
            ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
        engineHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }
}
