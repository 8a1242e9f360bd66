package io.collectflow.loan.payment;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import io.collectflow.loan.csv.RowError;
import io.collectflow.security.audit.Actors;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.web.CsvUpload;

/** Payment posting, one by one (JSON) or as a CSV upload (CONTRACT.md "Payments"). */
@RestController
@RequestMapping("/api/payments")
public class PaymentController {

    private final PaymentService payments;
    private final CsvUpload upload;
    private final AuditLog audit;

    public PaymentController(PaymentService payments, CsvUpload upload, AuditLog audit) {
        this.payments = payments;
        this.upload = upload;
        this.audit = audit;
    }

    /** JSON body of {@code POST /api/payments}. */
    public record PaymentRequest(String paymentRef, String loanNo, LocalDate paidOn, BigDecimal amount,
            String channel) {
    }

    /** One allocation line of the answer. */
    public record AllocationLine(int seq, AllocationComponent component, BigDecimal amount) {
    }

    /** Answer of {@code POST /api/payments}: the payment, whether it was a duplicate, and its allocation. */
    public record PaymentAnswer(String paymentRef, String loanNo, LocalDate paidOn, BigDecimal amount, String channel,
            boolean duplicate, String message, List<AllocationLine> allocations) {
    }

    /** Answer of the CSV upload. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportAnswer(int posted, int duplicates, List<RowError> errors) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentAnswer> post(@RequestBody PaymentRequest request) {
        PostedPayment posted = payments.post(new PaymentCommand(request.paymentRef(), request.loanNo(),
            request.paidOn(), request.amount(), request.channel()));
        PaymentCommand p = posted.payment();
        audit.record(Actors.current(), "PAYMENT_POST", "loan", p.loanNo(),
            "paymentRef=" + p.paymentRef() + "; amount=" + p.amount() + "; duplicate=" + posted.duplicate());
        String message = posted.duplicate()
            ? "Duplicate: payment " + p.paymentRef() + " was already posted; nothing changed"
            : "Payment " + p.paymentRef() + " posted";
        List<AllocationLine> lines = posted.allocations().stream()
            .map(a -> new AllocationLine(a.seq(), a.component(), a.amount())).toList();
        return ResponseEntity.status(posted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
            .body(new PaymentAnswer(p.paymentRef(), p.loanNo(), p.paidOn(), p.amount(), p.channel(),
                posted.duplicate(), message, lines));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a payment CSV (all or nothing, idempotent by payment_ref)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
        content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<ImportAnswer> importPayments(@Parameter(hidden = true) InputStream body,
            @RequestHeader(name = "Content-Length", required = false, defaultValue = "-1") long length) {
        PaymentImportResult result = upload.read(body, length, payments::importPayments);
        audit.record(Actors.current(), "PAYMENT_IMPORT", "payment-file", null, result.ok()
            ? "posted=" + result.posted() + "; duplicates=" + result.duplicates()
            : "rejected; errors=" + result.errors().size());
        if (result.ok()) {
            return ResponseEntity.ok(new ImportAnswer(result.posted(), result.duplicates(), null));
        }
        return ResponseEntity.unprocessableEntity().body(new ImportAnswer(0, 0, result.errors()));
    }
}
