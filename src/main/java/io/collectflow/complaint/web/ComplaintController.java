package io.collectflow.complaint.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.collectflow.complaint.AccountabilityRecord;
import io.collectflow.complaint.AccountabilityService;
import io.collectflow.complaint.Complaint;
import io.collectflow.complaint.ComplaintProperties;
import io.collectflow.complaint.ComplaintRateService;
import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.ComplaintValidator;
import io.collectflow.complaint.FieldError;
import io.collectflow.complaint.IntakeChannel;
import io.collectflow.complaint.InvalidComplaintException;
import io.collectflow.complaint.process.ComplaintIntake;
import jakarta.servlet.http.HttpServletRequest;

/**
 * POST /api/complaints (public, rate-limited per client IP): the answer carries only the complaint number and
 * the acknowledgement deadline, never anything about a loan. The other endpoints need a login.
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplaintController {

    /** The JSON body of an online complaint (CONTRACT.md). */
    public record ComplaintRequest(@JsonDeserialize(using = JsonText.class) String name,
            @JsonDeserialize(using = JsonText.class) String phone, @JsonDeserialize(using = JsonText.class) String email,
            @JsonDeserialize(using = JsonText.class) String loanNo, @JsonDeserialize(using = JsonText.class) String channel,
            @JsonDeserialize(using = JsonText.class) String category, @JsonDeserialize(using = JsonText.class) String text) {
    }

    /** The answer to a received complaint. */
    public record ComplaintReceipt(String complaintId, OffsetDateTime acknowledgeBy) {
    }

    private final ComplaintIntake intake;
    private final TokenBucketRateLimiter rateLimiter;
    private final AccountabilityService accountability;
    private final ComplaintRateService rates;
    private final ComplaintProperties properties;
    private final ComplaintValidator validator;

    public ComplaintController(ComplaintIntake intake, TokenBucketRateLimiter rateLimiter,
            AccountabilityService accountability, ComplaintRateService rates, ComplaintProperties properties,
            ComplaintValidator validator) {
        this.validator = validator;
        this.intake = intake;
        this.rateLimiter = rateLimiter;
        this.accountability = accountability;
        this.rates = rates;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "File a complaint (public, no login; rate-limited per client address)")
    @ApiResponse(responseCode = "201", description = "received",
        content = @Content(schema = @Schema(implementation = ComplaintReceipt.class)))
    @ApiResponse(responseCode = "422", description = "invalid input: {\"errors\": [{\"field\", \"message\"}]}, one per"
        + " wrong field (body: not a JSON object)", content = @Content)
    @ApiResponse(responseCode = "429", description = "too many complaints from this address; Retry-After in seconds",
        content = @Content)
    public ResponseEntity<?> submit(@RequestBody ComplaintRequest body, HttpServletRequest request) {
        TokenBucketRateLimiter.Decision decision = rateLimiter.tryAcquire(request.getRemoteAddr());
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Map.of("error", "too many complaints from your address; please try again in " + seconds + " s"));
        }
        ComplaintSubmission submission = new ComplaintSubmission(IntakeChannel.ONLINE, body.name(), body.phone(),
            body.email(), body.loanNo(), body.category(), body.text(), null);
        if (body.channel() == null || !IntakeChannel.ONLINE.code().equals(body.channel().strip())) {
            // every wrong field at once, the channel among them
            List<FieldError> errors = new ArrayList<>(validator.problems(submission));
            errors.add(new FieldError("channel", "must be \"online\""));
            throw new InvalidComplaintException(errors);
        }
        Complaint complaint = intake.submit(submission);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ComplaintReceipt(complaint.complaintNo(),
            complaint.acknowledgeBy().atZone(properties.getZone()).toOffsetDateTime()));
    }

    /** Accountability records against a collector (user id) or an agency (id), newest first. */
    @GetMapping("/accountability")
    public List<AccountabilityRecord> accountability(@RequestParam String subject) {
        return accountability.forSubject(subject.strip());
    }

    /** Complaints per 1,000 collection cases for the days [from, to]. */
    @GetMapping("/rate")
    public ComplaintRateService.ComplaintRate rate(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return rates.rate(from, to);
    }
}
