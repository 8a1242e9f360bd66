package io.collectflow.legal.web;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.legal.DeceasedService;

/** {@code POST /api/loans/{loanNo}/deceased}: stops all contact and starts the deceased-borrower process (C6). */
@RestController
public class DeceasedController {

    public static final String PROCESS_KEY = "deceased-borrower";

    private final DeceasedService deceased;
    private final RuntimeService runtime;

    public DeceasedController(DeceasedService deceased, RuntimeService runtime) {
        this.deceased = deceased;
        this.runtime = runtime;
    }

    public record DeathReport(String evidence) {
    }

    @PostMapping("/api/loans/{loanNo}/deceased")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String loanNo, @RequestBody DeathReport report,
            Authentication auth) {
        boolean marked = deceased.markDeceased(loanNo, report.evidence(), auth.getName());
        if (!marked || runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(loanNo).count() > 0) {
            return ResponseEntity.ok(Map.of("loanNo", loanNo, "duplicate", true));
        }
        String id = runtime.startProcessInstanceByKey(PROCESS_KEY, loanNo, Map.of(Vars.LOAN_NO, loanNo,
            "deathEvidence", report.evidence(), "reportedBy", auth.getName())).getId();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("loanNo", loanNo, "processInstanceId", id));
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
