package io.collectflow.complaint.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintSubmission;

/** Takes in an online or e-mailed complaint: stores it and starts its process in one transaction. */
@Component
public class ComplaintIntake {

    private final ComplaintService complaints;
    private final RuntimeService runtime;

    public ComplaintIntake(ComplaintService complaints, RuntimeService runtime) {
        this.complaints = complaints;
        this.runtime = runtime;
    }

    @Transactional
    public Complaint submit(ComplaintSubmission submission) {
        Complaint complaint = complaints.receive(submission);
        runtime.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, complaint.complaintNo(),
            ComplaintVariables.of(complaint));
        return complaint;
    }
}
