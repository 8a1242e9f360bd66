package io.collectflow.legal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.LostContactService;
import io.collectflow.web.InvalidFieldException;

/**
 * Completing a skip-trace step with "new contact data found" ends the trace and sends the case back to contacting
 * the borrower, so the new data must be in the borrower's record by then (the form keeps none: its history would
 * hold personal data in clear). Without a change recorded since the trace started the completion is refused and the
 * task stays open.
 */
@Component("skipTraceFindingListener")
public class SkipTraceFindingListener implements TaskListener {

    private final LostContactService lostContact;

    public SkipTraceFindingListener(LostContactService lostContact) {
        this.lostContact = lostContact;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(LostContactStarts.NEW_CONTACT_FOUND))
                && !lostContact.newContactDataSinceTraceStarted((String) task.getVariable(Vars.LOAN_NO))) {
            throw new InvalidFieldException(LostContactStarts.NEW_CONTACT_FOUND, "no new phone, e-mail or address is in"
                + " the borrower's record since the skip trace started: update the contact data on the borrower's"
                + " profile (source Skip trace) first, then complete this step");
        }
    }
}
