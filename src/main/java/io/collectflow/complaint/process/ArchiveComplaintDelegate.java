package io.collectflow.complaint.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;

/** Archives the complaint and lifts the contact hold (unless another complaint of the borrower is open). */
@Component("archiveComplaintDelegate")
public class ArchiveComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    public ArchiveComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.archive(ComplaintVariables.complaintId(execution));
    }
}
