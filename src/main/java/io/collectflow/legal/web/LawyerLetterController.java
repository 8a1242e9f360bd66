package io.collectflow.legal.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.LawyerLetterService;
import io.collectflow.security.audit.AuditLog;

/**
 * {@code GET /api/lawyer-letters/{letterId}/pdf} (D3): the generated lawyer letter the legal team prints and sends
 * (Task_SendLawyerLetter shows its number, {@code lawyerLetterId}), as {@code application/pdf} shown in the browser,
 * for {@code legal}, managers and administrators. Unknown letter: 404. Every read is an audit event
 * ({@value #AUDIT_VIEW}): the letter holds the borrower's address, payments and contact history.
 */
@RestController
public class LawyerLetterController {

    public static final String AUDIT_VIEW = "LAWYER_LETTER_VIEW";

    private final LawyerLetterService letters;
    private final AuditLog audit;

    public LawyerLetterController(LawyerLetterService letters, AuditLog audit) {
        this.letters = letters;
        this.audit = audit;
    }

    @GetMapping("/api/lawyer-letters/{letterId}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long letterId, Authentication login) {
        return letters.pdf(letterId).map(pdf -> {
            audit.record(login.getName(), AUDIT_VIEW, "lawyer_letter", String.valueOf(letterId), "pdf");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("lawyer-letter-" + letterId + ".pdf").build().toString())
                .body(pdf);
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
