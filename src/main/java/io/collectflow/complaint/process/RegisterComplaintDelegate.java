package io.collectflow.complaint.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.process.ComplaintProcess.Vars;

/** Saves the registration, acknowledges to the complainant and attaches the loan's contact log. */
@Component("registerComplaintDelegate")
public class RegisterComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    public RegisterComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String contactLog = complaints.register(ComplaintVariables.complaintId(execution),
            ComplaintVariables.registration(execution));
        execution.setVariable(Vars.CONTACT_LOG, contactLog);
    }
}
