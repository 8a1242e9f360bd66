package io.collectflow.casework.priority;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;

/**
 * Task listener (event create) that gives a collector's task of a case the priority processes/work-priority.dmn
 * scores from the loan's days past due and overdue amount and the case's risk grade and broken promises at that
 * moment ({@link WorkPriorityService}), and the due date that follows from it ({@link WorkPriority#dueAfter}).
 * Wire with {@code <camunda:taskListener event="create" delegateExpression="${workPriorityListener}"/>}.
 */
@Component("workPriorityListener")
public class WorkPriorityListener implements TaskListener {

    private final WorkPriorityService priority;

    public WorkPriorityListener(WorkPriorityService priority) {
        this.priority = priority;
    }

    @Override
    public void notify(DelegateTask task) {
        int points = pointsOf(task, priority);
        task.setPriority(points);
        task.setDueDate(WorkPriority.dueDate(task.getCreateTime(), points));
    }

    /** The points of the case whose variables {@code scope} sees. */
    static int pointsOf(VariableScope scope, WorkPriorityService priority) {
        Object brokenPromises = scope.getVariable(Vars.BROKEN_PROMISES);
        return priority.points((String) scope.getVariable(Vars.LOAN_NO), (String) scope.getVariable(Vars.RISK_GRADE),
            brokenPromises instanceof Number n ? n.intValue() : 0);
    }
}
