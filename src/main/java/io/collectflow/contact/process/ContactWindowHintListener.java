package io.collectflow.contact.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ManualContactGuard;
import io.collectflow.contact.Operator;

/**
 * Task listener (events create and assignment) that puts the guard's verdict for a call now into the
 * task-local variable {@code complianceHint}, shown read-only on the call form; when contact is blocked until a known
 * moment, the task is not due before it ({@link BlockedTaskDueDate}). Wire it for both events, so the hint is worked
 * out again when a collector claims the task (a complaint, a holiday or the caps may have blocked contact since the
 * task was created), and after the listener that gives the task its due date ({@code workPriorityListener}), so a
 * task created while contact is blocked is not due before the guard allows it either:
 * {@code <camunda:taskListener event="create" delegateExpression="${contactWindowHintListener}"/>} and the
 * same with {@code event="assignment"}. Tasks that record another channel (a visit) call
 * {@link #refresh(DelegateTask, Channel)} from their own listener.
 */
@Component("contactWindowHintListener")
public class ContactWindowHintListener implements TaskListener {

    private final ManualContactGuard guard;
    private final BlockedTaskDueDate dueDates;

    public ContactWindowHintListener(ManualContactGuard guard, BlockedTaskDueDate dueDates) {
        this.guard = guard;
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateTask task) {
        refresh(task, Channel.CALL);
    }

    /** Sets the hint for a contact by {@code channel} now ("You may visit until 21:00 …", "Visiting is allowed again at …"). */
    public void refresh(DelegateTask task, Channel channel) {
        String loanNo = (String) task.getVariable(ContactAttempt.Vars.LOAN_NO);
        ManualContactGuard.Hint hint = guard.hint(loanNo, channel, Operator.SYSTEM,
            ClockUtil.getCurrentTime().toInstant());
        task.setVariableLocal(ManualContact.Vars.COMPLIANCE_HINT, hint.text());
        dueDates.notBefore(task, hint.blockedUntil());
    }
}
