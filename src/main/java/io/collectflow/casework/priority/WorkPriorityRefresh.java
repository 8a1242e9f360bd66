package io.collectflow.casework.priority;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Execution listener that scores the case's open tasks again, priority and due date (a task keeps those of its
 * creation otherwise): wired on the strategy's re-evaluation after a bucket change, so a queue does not hold a case
 * that rolled into a later bucket at the priority of the earlier one. A task the guard made due later (it could not be
 * worked before; {@code BlockedTaskDueDate}) keeps that moment while the new points would make it due earlier
 * ({@link WorkPriority#rescoredDueDate}). Wire with
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
        int points = WorkPriorityListener.pointsOf(execution, priority);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (task.getPriority() != points) {
                task.setDueDate(WorkPriority.rescoredDueDate(task.getCreateTime(), task.getPriority(), task.getDueDate(),
                    points));
                task.setPriority(points);
                tasks.saveTask(task);
            }
        }
    }
}
