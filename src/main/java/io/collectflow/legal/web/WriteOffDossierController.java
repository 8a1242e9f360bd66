package io.collectflow.legal.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.legal.WriteOffService;

/**
 * {@code GET /api/write-offs/{requestId}/dossier} (D2): the whole dossier of a write-off request as plain text,
 * for approvers (the groups the approval-level table can pick, and administrators) when it is longer than the
 * approval form can show. Unknown request: 404.
 */
@RestController
public class WriteOffDossierController {

    private static final MediaType TEXT_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final WriteOffService writeOffs;

    public WriteOffDossierController(WriteOffService writeOffs) {
        this.writeOffs = writeOffs;
    }

    @GetMapping("/api/write-offs/{requestId}/dossier")
    public ResponseEntity<String> dossier(@PathVariable long requestId) {
        return writeOffs.dossier(requestId).map(text -> ResponseEntity.ok().contentType(TEXT_UTF8).body(text))
            .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
