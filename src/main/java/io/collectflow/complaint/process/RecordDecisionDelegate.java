package io.collectflow.complaint.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;

/** Stores the decision and remedy; confirmed misconduct becomes an accountability record. */
@Component("recordDecisionDelegate")
public class RecordDecisionDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    public RecordDecisionDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.decide(ComplaintVariables.complaintId(execution), ComplaintVariables.decision(execution));
    }
}
