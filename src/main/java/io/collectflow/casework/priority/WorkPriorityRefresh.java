package io.collectflow.casework.priority;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;

/**
 * Execution listener that scores the case's open tasks again (a task keeps the priority of its creation otherwise):
 * wired on the strategy's re-evaluation after a bucket change, so a queue does not hold a case that rolled into a
 * later bucket at the priority of the earlier one. Wire with
 * {@code <camunda:executionListener event="end" delegateExpression="${workPriorityRefresh}"/>}.
 */
@Component("workPriorityRefresh")
public class WorkPriorityRefresh implements ExecutionListener {

    private final WorkPriorityService priority;

    public WorkPriorityRefresh(WorkPriorityService priority) {
        this.priority = priority;
    }

    @Override
    public void notify(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Object brokenPromises = execution.getVariable(Vars.BROKEN_PROMISES);
        int points = priority.points((String) execution.getVariable(Vars.LOAN_NO),
            (String) execution.getVariable(Vars.RISK_GRADE), brokenPromises instanceof Number n ? n.intValue() : 0);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (task.getPriority() != points) {
                tasks.setPriority(task.getId(), points);
            }
        }
    }
}
