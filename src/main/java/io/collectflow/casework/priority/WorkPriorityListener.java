package io.collectflow.casework.priority;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;

/**
 * Task listener (event create) that gives a collector's task of a case the priority processes/work-priority.dmn
 * scores from the case's days past due, overdue amount, risk grade and broken promises at that moment. Wire with
 * {@code <camunda:taskListener event="create" delegateExpression="${workPriorityListener}"/>}.
 */
@Component("workPriorityListener")
public class WorkPriorityListener implements TaskListener {

    private final WorkPriority priority;

    public WorkPriorityListener(WorkPriority priority) {
        this.priority = priority;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setPriority(priority.points(new WorkPriority.Input(number(task, Vars.DPD).intValue(),
            number(task, Vars.OVERDUE_AMOUNT).doubleValue(), (String) task.getVariable(Vars.RISK_GRADE),
            number(task, Vars.BROKEN_PROMISES).intValue())));
    }

    private static Number number(DelegateTask task, String name) {
        return task.getVariable(name) instanceof Number n ? n : 0;
    }
}
