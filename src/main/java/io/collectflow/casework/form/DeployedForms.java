package io.collectflow.casework.form;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the Camunda Form a task or start event shows ({@code camunda:formRef}) the way the engine does, and keeps
 * it parsed: a form bound {@code deployment} is cached by the process's deployment and the form key (a deployment never
 * changes), one bound {@code latest} or {@code version} by the form definition the engine finds each time. Runs inside
 * an engine command (a listener, a delegate, a form handler); reads through the engine's managers, so no authorization
 * of the current user is needed.
 */
@Component
public class DeployedForms {

    static final int MAX_ENTRIES = 1_000;
    private static final String BINDING_DEPLOYMENT = "deployment";
    private static final String BINDING_VERSION = "version";
    private static final String BINDING_LATEST = "latest";
    private static final Logger LOG = LoggerFactory.getLogger(DeployedForms.class);

    private final Map<String, Optional<FormSchema>> cache = new ConcurrentHashMap<>();

    /**
     * The form {@code definition} refers to, resolved for the process definition (its deployment) and the variables of
     * {@code scope} (a key or version may be an expression); empty when it names no Camunda Form or none is deployed.
     */
    public Optional<FormSchema> find(FormDefinition definition, String processDefinitionId, VariableScope scope) {
        if (definition == null || definition.getCamundaFormDefinitionKey() == null || processDefinitionId == null) {
            return Optional.empty();
        }
        Object key = definition.getCamundaFormDefinitionKey().getValue(scope);
        if (key == null) {
            return Optional.empty();
        }
        String binding = definition.getCamundaFormDefinitionBinding() == null ? BINDING_LATEST
            : definition.getCamundaFormDefinitionBinding();
        CamundaFormRefImpl ref = new CamundaFormRefImpl(key.toString(), binding);
        String deploymentId = processDefinition(processDefinitionId).getDeploymentId();
        if (BINDING_DEPLOYMENT.equals(binding)) {
            return cached(deploymentId + "/" + key, () -> lookUp(ref, deploymentId));
        }
        if (BINDING_VERSION.equals(binding)) {
            Expression version = definition.getCamundaFormDefinitionVersion();
            Object number = version == null ? null : version.getValue(scope);
            ref.setVersion(number == null ? null : Integer.valueOf(number.toString()));
        }
        CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(commandContext());
        return form == null ? Optional.empty() : cached(form.getId(), () -> read(form));
    }

    /**
     * The input keys of the form the user task {@code userTaskId} of the execution's process shows; empty when the task
     * or its form is not found.
     */
    public Set<String> inputKeysOfTask(DelegateExecution execution, String userTaskId) {
        ActivityImpl task = processDefinition(execution.getProcessDefinitionId()).findActivity(userTaskId);
        if (task == null || !(task.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
            return Set.of();
        }
        return find(userTask.getTaskDefinition().getFormDefinition(), execution.getProcessDefinitionId(), execution)
            .map(FormSchema::inputKeys).orElse(Set.of());
    }

    private Optional<FormSchema> cached(String cacheKey, Supplier<Optional<FormSchema>> load) {
        Optional<FormSchema> known = cache.get(cacheKey);
        if (known != null) {
            return known;
        }
        Optional<FormSchema> loaded = load.get();
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(cacheKey, loaded);
        return loaded;
    }

    private static Optional<FormSchema> lookUp(CamundaFormRefImpl ref, String deploymentId) {
        CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(commandContext());
        if (form == null) {
            LOG.warn("Form '{}' is not in deployment {}: completions of its tasks are not checked", ref.getKey(),
                deploymentId);
            return Optional.empty();
        }
        return read(form);
    }

    private static Optional<FormSchema> read(CamundaFormDefinition form) {
        ResourceEntity resource = commandContext().getResourceManager()
            .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
        if (resource == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FormSchemaParser.parse(resource.getBytes()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Form {} of deployment {} cannot be read; not checked: {}", form.getResourceName(),
                form.getDeploymentId(), e.getMessage());
            return Optional.empty();
        }
    }

    private static ProcessDefinitionEntity processDefinition(String processDefinitionId) {
        return Context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(processDefinitionId);
    }

    private static CommandContext commandContext() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("forms are looked up inside an engine command (listener, delegate)");
        }
        return context;
    }
}
