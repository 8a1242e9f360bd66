package io.collectflow.casework.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of every Camunda Form, without touching a model: while a BPMN is parsed, each user task with a
 * {@code camunda:formRef} gets a create listener that opens its form empty ({@link FormInputReset}, before the
 * model's create listeners) and a complete listener ({@link FormCompletionCheck}) after the listeners the model
 * declares — so the collectors' own report checks, which say more, speak first — and, before those, a built-in one
 * refusing variables a REST client submits that are no field of the form ({@link SubmittedVariablesCheck}) and one
 * storing the number a number field's text spells ({@link NumberFieldValues}); a process
 * whose start event has a checking start form handler ({@link StartFormCheck}). {@link FormRefusals} turns refusals into the engine's form
 * validation failure, which its REST API answers with 400, and {@link RefusalLogging} logs a refusal in one line
 * instead of the engine's ERROR with a stack trace.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

    private final DeployedForms forms;
    private final FormZones zones;
    private final FormValidator validator = new FormValidator(new FeelConditions());

    public FormValidationPlugin(DeployedForms forms, FormZones zones) {
        this.forms = forms;
        this.zones = zones;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskDefinition task = userTask.getTaskDefinition();
                    if (hasCamundaForm(task.getFormDefinition())) {
                        // built in: runs before the model's create listeners, which may set a value for the form
                        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                            new FormInputReset(task.getFormDefinition(), forms, inputParameters(activity)));
                        // built in: refuses variables that are no field of the form before the model's listeners read them
                        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                            new SubmittedVariablesCheck(task.getFormDefinition(), forms));
                        // built in: a number field's text becomes its number (or is refused) before anything reads it
                        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                            new NumberFieldValues(task.getFormDefinition(), forms));
                        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
                            new FormCompletionCheck(task.getFormDefinition(), forms, validator, zones));
                    }
                }
            }

            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                FormDefinition startForm = processDefinition.getStartFormDefinition();
                if (hasCamundaForm(startForm) && processDefinition.getStartFormHandler() != null) {
                    processDefinition.setStartFormHandler(
                        new StartFormCheck(processDefinition.getStartFormHandler(), startForm, forms, validator,
                            zones));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);

        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new FormRefusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        if (configuration.getCommandContextFactory() == null) {
            // the engine only wires the configuration into a factory it creates itself
            RefusalLogging contexts = new RefusalLogging();
            contexts.setProcessEngineConfiguration(configuration);
            configuration.setCommandContextFactory(contexts);
        }
    }

    /** The variables the model maps into the activity itself (camunda:inputParameter). */
    private static Set<String> inputParameters(ActivityImpl activity) {
        IoMapping mapping = activity.getIoMapping();
        if (mapping == null || mapping.getInputParameters() == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        mapping.getInputParameters().forEach(p -> names.add(p.getName()));
        return names;
    }

    private static boolean hasCamundaForm(FormDefinition form) {
        return form != null && form.getCamundaFormDefinitionKey() != null;
    }
}
