package io.collectflow.legal.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.legal.process.LostContactStarts;
import io.collectflow.web.ConcurrentUpdateRetry;

/**
 * {@code POST /api/loans/{loanNo}/lost-contact} (managers, administrators): starts the loan's skip trace
 * (lost-contact.bpmn, C5) now, without waiting for the nightly run. 201 {@code {loanNo, processInstanceId}};
 * 200 {@code {loanNo, processInstanceId, duplicate: true}} if one runs; 404 unknown loan; 409 loan not active, or
 * a job of the loan's case changed it at the same moment {@link #ATTEMPTS} times in a row (nothing kept, send again).
 */
@RestController
public class LostContactController {

    /** A start that meets a job of the loan's case is tried again, this often in all. */
    static final int ATTEMPTS = ConcurrentUpdateRetry.API_ATTEMPTS;

    private final LostContactStarts starts;

    public LostContactController(LostContactStarts starts) {
        this.starts = starts;
    }

    @PostMapping("/api/loans/{loanNo}/lost-contact")
    public ResponseEntity<Map<String, Object>> start(@PathVariable String loanNo, Authentication auth) {
        LostContactStarts.Started started =
            ConcurrentUpdateRetry.call(ATTEMPTS, () -> starts.start(loanNo, auth.getName()));
        if (started.duplicate()) {
            return ResponseEntity.ok(Map.of("loanNo", loanNo, "processInstanceId", String.valueOf(started.processInstanceId()),
                "duplicate", true));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(Map.of("loanNo", loanNo, "processInstanceId", started.processInstanceId()));
    }

    @ExceptionHandler(UnknownLoanException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownLoanException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(LostContactStarts.LoanNotActiveException.class)
    ResponseEntity<Map<String, String>> notActive(LostContactStarts.LoanNotActiveException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
