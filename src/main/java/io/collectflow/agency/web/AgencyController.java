package io.collectflow.agency.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.agency.Placement;
import io.collectflow.agency.PlacementService;
import io.collectflow.casework.stage.ContactTiming;
import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactBlockedException;
import io.collectflow.contact.ManualContactGuard;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.ProhibitedLanguageException;
import io.collectflow.legal.CaseBundle;
import io.collectflow.legal.CaseBundleService;

/**
 * The agency API (C4, F6): an agency user sees and reports on the loans placed with their agency only.
 * A loan not placed with the caller's agency answers 404, the same as an unknown loan.
 */
@RestController
@RequestMapping("/api/agency/cases")
public class AgencyController {

    private final PlacementService placements;
    private final CaseBundleService bundles;
    private final ManualContactGuard guard;
    private final ContactTiming timing;
    private final Clock clock;

    public AgencyController(PlacementService placements, CaseBundleService bundles, ManualContactGuard guard,
            ContactTiming timing, Clock clock) {
        this.placements = placements;
        this.bundles = bundles;
        this.guard = guard;
        this.timing = timing;
        this.clock = clock;
    }

    /** A placed case as the agency sees it: what it needs to collect, nothing else. */
    public record AgencyCase(String loanNo, String borrowerName, String address, BigDecimal overdueAmount, int dpd,
            String scope, BigDecimal feePercent, Instant placedAt, Instant expiresAt) {
    }

    public record ContactReport(String channel, OffsetDateTime occurredAt, String result, String note) {
    }

    public record PaymentReport(String paymentRef, LocalDate paidOn, BigDecimal amount) {
    }

    @GetMapping
    public List<AgencyCase> cases(Authentication auth) {
        return placements.activeFor(AgencyUsers.agencyCode(auth)).stream().map(this::view).toList();
    }

    @GetMapping("/{loanNo}")
    public AgencyCase placedCase(@PathVariable String loanNo, Authentication auth) {
        return view(placed(loanNo, auth));
    }

    @PostMapping("/{loanNo}/contacts")
    public ResponseEntity<Map<String, Object>> contact(@PathVariable String loanNo, @RequestBody ContactReport report,
            Authentication auth) {
        placed(loanNo, auth);
        if (report.channel() == null) {
            throw new IllegalArgumentException("channel: required (call, sms, email, voice, visit)");
        }
        Instant at = report.occurredAt() == null ? clock.instant() : report.occurredAt().toInstant();
        long id = guard.recordManualContact(loanNo, Channel.fromCode(report.channel()), Operator.agency(auth.getName()),
            at, report.result(), report.note());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("contactId", id));
    }

    @PostMapping("/{loanNo}/payments")
    public ResponseEntity<Map<String, Object>> payment(@PathVariable String loanNo, @RequestBody PaymentReport report,
            Authentication auth) {
        Placement placement = placed(loanNo, auth);
        if (report.paymentRef() == null || report.paymentRef().isBlank()) {
            throw new IllegalArgumentException("paymentRef: required");
        }
        if (report.amount() == null || report.amount().signum() <= 0) {
            throw new IllegalArgumentException("amount: must be positive");
        }
        // the borrower paid: without a date, on the borrower's today (like a promise), not the server's
        LocalDate paidOn = report.paidOn() != null ? report.paidOn() : timing.borrowersDate(loanNo, clock.instant());
        BigDecimal commission = placements.recordRecovery(placement, report.paymentRef(), paidOn, report.amount(),
            auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(Map.of("paymentRef", report.paymentRef(), "commission", commission));
    }

    private Placement placed(String loanNo, Authentication auth) {
        return placements.placedWith(loanNo, AgencyUsers.agencyCode(auth))
            .orElseThrow(() -> new NotPlacedException(loanNo));
    }

    private AgencyCase view(Placement placement) {
        CaseBundle bundle = bundles.bundle(placement.loanNo());
        return new AgencyCase(placement.loanNo(), bundle.borrowerName(), bundle.address(), bundle.overdueAmount(),
            bundle.dpd(), placement.scope(), placement.feePercent(), placement.placedAt(), placement.expiresAt());
    }

    @ExceptionHandler(NotPlacedException.class)
    ResponseEntity<Map<String, String>> notPlaced(NotPlacedException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(NotAnAgencyUserException.class)
    ResponseEntity<Map<String, String>> notAgency(NotAnAgencyUserException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ContactBlockedException.class)
    ResponseEntity<Map<String, Object>> blocked(ContactBlockedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage(), "reasons",
            e.verdict().verdict().reasons()));
    }

    @ExceptionHandler({IllegalArgumentException.class, ProhibitedLanguageException.class})
    ResponseEntity<Map<String, String>> invalid(RuntimeException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage()));
    }
}
