package io.collectflow.legal.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.LitigationPreparationService;
import io.collectflow.legal.LitigationPreparationService.Prepared;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.web.FieldErrorAnswers;

/**
 * {@code GET /api/loans/{loanNo}/litigation-preparations} (C5/D3): the litigation files prepared for the loan
 * (Prepare litigation of lost-contact.bpmn), oldest first, for in-house staff as the loan's collateral. An unknown
 * loan answers 404. Every read is an audit event ({@value #AUDIT_VIEW}, on the loan, with the number of files shown):
 * a file holds the claim, the court and the notes on a borrower nobody could find.
 */
@RestController
@FieldErrorAnswers
public class LitigationPreparationController {

    public static final String AUDIT_VIEW = "LITIGATION_FILES_VIEW";

    private final LitigationPreparationService preparations;
    private final AuditLog audit;

    public LitigationPreparationController(LitigationPreparationService preparations, AuditLog audit) {
        this.preparations = preparations;
        this.audit = audit;
    }

    @GetMapping("/api/loans/{loanNo}/litigation-preparations")
    public List<Prepared> list(@PathVariable String loanNo, Authentication login) {
        List<Prepared> files = preparations.forLoan(loanNo);
        audit.record(login.getName(), AUDIT_VIEW, "loan", loanNo, "files=" + files.size());
        return files;
    }
}
