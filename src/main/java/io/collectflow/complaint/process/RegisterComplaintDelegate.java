package io.collectflow.complaint.process;

import static io.collectflow.complaint.process.ComplaintVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.Registration;
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
        String contactLog = complaints.register(ComplaintVariables.complaintId(execution), new Registration(
            string(execution, Vars.CATEGORY), string(execution, Vars.LOAN_NO), string(execution, Vars.COLLECTOR_ID),
            string(execution, Vars.AGENCY_ID), string(execution, Vars.LAST_ACTOR)));
        execution.setVariable(Vars.CONTACT_LOG, contactLog);
    }
}
