package io.collectflow.contact.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactBlockedException;
import io.collectflow.contact.ContactSender;
import io.collectflow.contact.channel.UndeliverableException;

/**
 * Task_SendMessage: renders and sends through the channel and logs it. Blocked at the moment of sending →
 * BPMN error ContactBlocked (wait again); undeliverable → ContactUndeliverable with outcome FAILED; technical
 * failures propagate (job retries, then an incident).
 */
@Component("sendContactDelegate")
public class SendContactDelegate implements JavaDelegate {

    private final ContactSender sender;
    private final BlockedContactWait wait;

    public SendContactDelegate(ContactSender sender, BlockedContactWait wait) {
        this.sender = sender;
        this.wait = wait;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String loanNo = (String) execution.getVariable(ContactAttempt.Vars.LOAN_NO);
        Channel channel = Channel.fromCode((String) execution.getVariable(ContactAttempt.Vars.CHANNEL));
        String purpose = (String) execution.getVariable(ContactAttempt.Vars.PURPOSE);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        try {
            // stable across job retries of this attempt: the vendor can drop a message it already got
            String reference = execution.getProcessInstanceId() + "-" + execution.getVariable(ContactAttempt.Vars.VERDICT_ID);
            long logId = sender.send(loanNo, channel, purpose, now, reference);
            execution.setVariable(ContactAttempt.Vars.CONTACT_LOG_ID, logId);
            execution.setVariable(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.OUTCOME_SENT);
        } catch (ContactBlockedException e) {
            wait.apply(execution, e.verdict(), now);
            throw new BpmnError(ContactAttempt.ERROR_CONTACT_BLOCKED, e.getMessage());
        } catch (UndeliverableException e) {
            execution.setVariable(ContactAttempt.Vars.CONTACT_OUTCOME, ContactAttempt.OUTCOME_FAILED);
            execution.setVariable(ContactAttempt.Vars.FAILURE_REASON, e.getMessage());
            throw new BpmnError(ContactAttempt.ERROR_CONTACT_UNDELIVERABLE, e.getMessage());
        }
    }
}
