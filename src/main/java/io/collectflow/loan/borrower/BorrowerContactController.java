package io.collectflow.loan.borrower;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.security.Roles;
import io.collectflow.web.ConcurrentUpdateRetry;
import io.collectflow.web.FieldErrorAnswers;

/**
 * {@code PATCH /api/borrowers/{borrowerId}/contact-data}: new phone, e-mail or address (the roles that contact
 * borrowers); {@code GET …/contact-data/changes}: what was changed, by whom and when (staff; values in full for
 * the roles that contact borrowers, masked for the others).
 */
@RestController
@FieldErrorAnswers
public class BorrowerContactController {

    private final BorrowerContactData contactData;
    private final BorrowerContactHistory history;

    public BorrowerContactController(BorrowerContactData contactData, BorrowerContactHistory history) {
        this.contactData = contactData;
        this.history = history;
    }

    /** 200 {@code {borrowerId, changed: [field…], casesUpdated}}; 422 naming a bad field; 404 unknown borrower. */
    @PatchMapping("/api/borrowers/{borrowerId}/contact-data")
    public BorrowerContactData.Outcome update(@PathVariable String borrowerId, @RequestBody ContactDataUpdate update,
            Authentication login) {
        // the running cases of the borrower are updated too: a job of one of them may run at the same moment
        return ConcurrentUpdateRetry.call(ConcurrentUpdateRetry.API_ATTEMPTS,
            () -> contactData.update(borrowerId, update, login.getName(), ClockUtil.getCurrentTime().toInstant()));
    }

    @GetMapping("/api/borrowers/{borrowerId}/contact-data/changes")
    public List<BorrowerContactHistory.Change> changes(@PathVariable String borrowerId, Authentication login) {
        boolean full = login.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(Arrays.asList(Roles.FULL_PII)::contains);
        return history.changes(borrowerId, full, login.getName());
    }
}
