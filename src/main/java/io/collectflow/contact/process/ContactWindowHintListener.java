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
 * task-local variable {@code complianceHint}, shown read-only on the call form.
 * Wire with {@code <camunda:taskListener event="create" delegateExpression="${contactWindowHintListener}"/>}.
 */
@Component("contactWindowHintListener")
public class ContactWindowHintListener implements TaskListener {

    private final ManualContactGuard guard;

    public ContactWindowHintListener(ManualContactGuard guard) {
        this.guard = guard;
    }

    @Override
    public void notify(DelegateTask task) {
        String loanNo = (String) task.getVariable(ContactAttempt.Vars.LOAN_NO);
        task.setVariableLocal(ManualContact.Vars.COMPLIANCE_HINT, guard.hint(loanNo, Channel.CALL, Operator.SYSTEM,
            ClockUtil.getCurrentTime().toInstant()));
    }
}
