package io.collectflow.loan;

import java.io.InputStream;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.view.LoanView;
import io.collectflow.loan.view.LoanViewService;
import io.collectflow.security.audit.Actors;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.web.CsvUpload;

/** Loan-book import and the loan view (CONTRACT.md). */
@RestController
@RequestMapping("/api/loans")
public class LoanController {

    private final LoanBookService loanBook;
    private final LoanViewService views;
    private final CsvUpload upload;
    private final AuditLog audit;

    public LoanController(LoanBookService loanBook, LoanViewService views, CsvUpload upload, AuditLog audit) {
        this.loanBook = loanBook;
        this.views = views;
        this.upload = upload;
        this.audit = audit;
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a loan-book CSV (all or nothing)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
        content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<ImportAnswer> importLoans(@Parameter(hidden = true) InputStream body,
            @RequestHeader(name = "Content-Length", required = false, defaultValue = "-1") long length) {
        LoanImportResult result = upload.read(body, length, loanBook::importLoans);
        audit.record(Actors.current(), "LOAN_IMPORT", "loan-file", null,
            result.ok() ? "imported=" + result.imported() : "rejected; errors=" + result.errors().size());
        if (result.ok()) {
            return ResponseEntity.ok(new ImportAnswer(result.imported(), null));
        }
        return ResponseEntity.unprocessableEntity().body(new ImportAnswer(0, result.errors()));
    }

    @GetMapping(path = "/{loanNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    public LoanView view(@PathVariable String loanNo) {
        LoanView view = views.find(loanNo).orElseThrow(() -> new UnknownLoanException(loanNo));
        audit.record(Actors.current(), "LOAN_VIEW", "loan", loanNo, "borrowerId=" + view.borrowerId());
        return view;
    }

    /** Answer of the import: {@code {"imported":N}} or {@code {"imported":0,"errors":[…]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportAnswer(int imported, List<RowError> errors) {
    }

    /** No loan with this number (404). */
    static class UnknownLoanException extends RuntimeException {
        UnknownLoanException(String loanNo) {
            super("Loan " + loanNo + " does not exist");
        }
    }

}
