package io.collectflow.complaint.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.process.ComplaintProcess.Vars;

/** Tells the complainant the outcome through the contact channels. */
@Component("sendComplaintFeedbackDelegate")
public class SendFeedbackDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    public SendFeedbackDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.FEEDBACK_CHANNEL, complaints.sendFeedback(ComplaintVariables.complaintId(execution)));
    }
}
