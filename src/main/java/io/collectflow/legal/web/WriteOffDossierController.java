package io.collectflow.legal.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.WriteOffService;
import io.collectflow.security.audit.AuditLog;

/**
 * {@code GET /api/write-offs/{requestId}/dossier} (D2): the whole dossier of a write-off request as plain text,
 * for approvers (the groups the approval-level table can pick, and administrators) when it is longer than the
 * approval form can show. Unknown request: 404. Every read is an audit event ({@value #AUDIT_VIEW}): the dossier holds
 * the borrower's contact and payment history.
 */
@RestController
public class WriteOffDossierController {

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    public static final String AUDIT_VIEW = "WRITE_OFF_DOSSIER_VIEW";

    private final WriteOffService writeOffs;
    private final AuditLog audit;

    public WriteOffDossierController(WriteOffService writeOffs, AuditLog audit) {
        this.writeOffs = writeOffs;
        this.audit = audit;
    }

    @GetMapping("/api/write-offs/{requestId}/dossier")
    public ResponseEntity<String> dossier(@PathVariable long requestId, Authentication login) {
        return writeOffs.dossier(requestId).map(text -> {
            audit.record(login.getName(), AUDIT_VIEW, "write_off_request", String.valueOf(requestId), "full");
            return ResponseEntity.ok().contentType(TEXT_UTF8).body(text);
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
