package io.collectflow.legal.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.legal.process.DeathReports;
import io.collectflow.web.ConcurrentUpdateRetry;

/**
 * {@code POST /api/loans/{loanNo}/deceased}: stops all contact and every collection case of the borrower and
 * starts the deceased-borrower process (C6).
 */
@RestController
public class DeceasedController {

    public static final String PROCESS_KEY = DeathReports.PROCESS_KEY;
    /** A report that meets a job of one of the borrower's cases is tried again, this often in all. */
    static final int ATTEMPTS = ConcurrentUpdateRetry.API_ATTEMPTS;

    private final DeathReports reports;

    public DeceasedController(DeathReports reports) {
        this.reports = reports;
    }

    public record DeathReport(String evidence) {
    }

    /**
     * 201 {@code {loanNo, processInstanceId, casesStopped}} for a new report; 200 {@code {loanNo, duplicate: true,
     * casesStopped}} when the loan already has its deceased-borrower process. Still meeting a concurrent change of
     * one of the cases after {@link #ATTEMPTS} tries: 409 from {@code ConcurrentUpdateAdvice}, nothing recorded.
     */
    @PostMapping("/api/loans/{loanNo}/deceased")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String loanNo, @RequestBody DeathReport report,
            Authentication auth) {
        DeathReports.Outcome outcome = ConcurrentUpdateRetry.call(ATTEMPTS,
            () -> reports.report(loanNo, report.evidence(), auth.getName()));
        if (outcome.duplicate()) {
            return ResponseEntity.ok(Map.of("loanNo", loanNo, "duplicate", true, "casesStopped", outcome.casesStopped()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("loanNo", loanNo,
            "processInstanceId", outcome.processInstanceId(), "casesStopped", outcome.casesStopped()));
    }

    @ExceptionHandler(UnknownLoanException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownLoanException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage()));
    }
}
