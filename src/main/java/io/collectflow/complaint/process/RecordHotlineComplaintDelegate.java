package io.collectflow.complaint.process;

import static io.collectflow.complaint.process.ComplaintVariables.string;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.IntakeChannel;
import io.collectflow.complaint.process.ComplaintProcess.Vars;

/**
 * Stores a complaint taken on the hotline (the start form's fields) and drops the phone and e-mail variables;
 * the complaint number becomes the business key.
 */
@Component("recordHotlineComplaintDelegate")
public class RecordHotlineComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    public RecordHotlineComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint c = complaints.receive(new ComplaintSubmission(IntakeChannel.HOTLINE,
            string(execution, Vars.COMPLAINANT_NAME), string(execution, Vars.COMPLAINANT_PHONE),
            string(execution, Vars.COMPLAINANT_EMAIL), string(execution, Vars.LOAN_NO), string(execution, Vars.CATEGORY),
            string(execution, Vars.COMPLAINT_TEXT), null));
        // the complainant's contact data now lives encrypted in the complaint table, not in process variables
        execution.removeVariables(List.of(Vars.COMPLAINANT_PHONE, Vars.COMPLAINANT_EMAIL));
        execution.setVariables(ComplaintVariables.of(c));
        execution.setProcessBusinessKey(c.complaintNo());
    }
}
