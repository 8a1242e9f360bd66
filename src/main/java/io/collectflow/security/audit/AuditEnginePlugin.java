package io.collectflow.security.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Audits the engine without touching any model: every completed user task (a built-in task listener added
 * while parsing, so it cannot be skipped) and every new deployment (a post-deployer) is recorded.
 */
@Component
public class AuditEnginePlugin extends AbstractProcessEnginePlugin {

    private final AuditLog audit;

    public AuditEnginePlugin(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new TaskCompletionAudit());
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(this::deployed);
        configuration.setCustomPostDeployers(deployers);
    }

    private void deployed(DeploymentEntity deployment) {
        if (deployment.isNew()) {
            audit.record(engineActor(null), "DEPLOYMENT", "deployment", deployment.getId(),
                "name=" + deployment.getName() + "; source=" + deployment.getSource() + "; resources="
                    + new TreeSet<>(deployment.getResources() == null ? List.of() : deployment.getResources().keySet()));
        }
    }

    private void completed(DelegateTask task) {
        audit.record(engineActor(task.getAssignee()), "TASK_COMPLETE", "task", task.getId(),
            "taskDefinitionKey=" + task.getTaskDefinitionKey() + "; processInstanceId=" + task.getProcessInstanceId()
                + "; businessKey=" + task.getExecution().getBusinessKey());
    }

    /** The engine's authenticated user (webapps, REST), else the logged-in Spring user, else the fallback. */
    private static String engineActor(String fallback) {
        Authentication authentication = Context.getCommandContext() == null ? null
            : Context.getCommandContext().getAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        String spring = Actors.current();
        return "system".equals(spring) && fallback != null ? fallback : spring;
    }

    private final class TaskCompletionAudit extends AbstractBpmnParseListener {
        private final TaskListener listener = AuditEnginePlugin.this::completed;

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        }
    }
}
