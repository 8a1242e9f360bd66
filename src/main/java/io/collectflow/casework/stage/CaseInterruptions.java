package io.collectflow.casework.stage;

import java.time.Instant;

import org.springframework.stereotype.Service;

import io.collectflow.casework.CaseRegistry;
import io.collectflow.loan.LenderProperties;
import io.collectflow.casework.CollectionCase.Outcomes;

/** What the case records when something outside it stops or accompanies collection (C5, C6). */
@Service
public class CaseInterruptions {

    public static final String DECEASED = "DECEASED";
    public static final String LOST_CONTACT = "LOST_CONTACT";
    public static final String BORROWER_FOUND = "BORROWER_FOUND";

    private final CaseRegistry registry;
    private final CaseEventService events;
    private final LenderProperties lender;

    public CaseInterruptions(CaseRegistry registry, CaseEventService events, LenderProperties lender) {
        this.registry = registry;
        this.events = events;
        this.lender = lender;
    }

    /**
     * C6: collection stopped because the borrower died; the case row is closed with outcome DECEASED, on the lender's
     * date.
     */
    public void stopForDeceased(String loanNo, String processInstanceId, Instant now) {
        registry.closeWithOutcome(processInstanceId, Outcomes.DECEASED, lender.dateAt(now));
        events.record(loanNo, DECEASED, "collection stopped: borrower reported deceased; open collector work cancelled",
            now);
    }

    /** C5: the borrower is unreachable and a skip trace (lost-contact.bpmn) runs beside the case. */
    public void lostContact(String loanNo, Instant now) {
        events.record(loanNo, LOST_CONTACT, "borrower unreachable for the lost-contact period; skip trace started", now);
    }

    /** C5: the skip trace found the borrower; collection goes on with the contact data now in the borrower's record. */
    public void borrowerFound(String loanNo, Instant now) {
        events.record(loanNo, BORROWER_FOUND, "skip trace found the borrower; collection goes on with the contact data"
            + " on record", now);
    }
}
