package io.collectflow.agency.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.agency.Agency;
import io.collectflow.agency.AgencyAdministration;
import io.collectflow.agency.AgencyExistsException;
import io.collectflow.agency.AgencyRegistry;
import io.collectflow.agency.AgencyReview;
import io.collectflow.loan.LenderCalendar;
import io.collectflow.web.FieldErrorAnswers;

/**
 * The agency registry for managers and administrators (C4; SecurityConfig): list, read, register,
 * qualification review, suspend and reinstate. Changes are audited. Bad input answers 422 naming the
 * field; an unknown agency 404; a taken code 409.
 */
@RestController
@FieldErrorAnswers
@RequestMapping("/api/agencies")
public class AgencyRegistryController {

    private final AgencyRegistry registry;
    private final AgencyAdministration administration;
    private final LenderCalendar calendar;

    public AgencyRegistryController(AgencyRegistry registry, AgencyAdministration administration,
            LenderCalendar calendar) {
        this.registry = registry;
        this.administration = administration;
        this.calendar = calendar;
    }

    /** A registration: the agency's code and name plus its first qualification review. */
    public record Registration(String code, String name, String licenceNo, LocalDate licenceExpiresOn, Integer rating,
            Boolean ndaSigned, Boolean qualified) {
        AgencyReview review() {
            return new AgencyReview(licenceNo, licenceExpiresOn, rating, ndaSigned, qualified);
        }
    }

    public record Suspension(String reason) {
    }

    /** An agency as the registry shows it; {@code eligible} says whether it may receive placements today. */
    public record AgencyView(String code, String name, String licenceNo, LocalDate licenceExpiresOn, int rating,
            boolean ndaSigned, boolean qualified, boolean suspended, String suspendedReason, String groupId,
            boolean eligible, String ineligibleBecause, int activePlacements) {
    }

    @GetMapping
    public List<AgencyView> list() {
        Map<String, Integer> placed = registry.activePlacements();
        return registry.all().stream().map(a -> view(a, placed.getOrDefault(a.code(), 0))).toList();
    }

    @GetMapping("/{code}")
    public AgencyView get(@PathVariable String code) {
        return view(administration.get(code));
    }

    @PostMapping
    public ResponseEntity<AgencyView> register(@RequestBody Registration registration) {
        Agency agency = administration.register(registration.code(), registration.name(), registration.review());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(agency));
    }

    @PutMapping("/{code}/qualification")
    public AgencyView review(@PathVariable String code, @RequestBody AgencyReview review) {
        return view(administration.review(code, review));
    }

    @PostMapping("/{code}/suspend")
    public AgencyView suspend(@PathVariable String code, @RequestBody(required = false) Suspension suspension) {
        return view(administration.suspend(code, suspension == null ? null : suspension.reason()));
    }

    @PostMapping("/{code}/reinstate")
    public AgencyView reinstate(@PathVariable String code) {
        return view(administration.reinstate(code));
    }

    private AgencyView view(Agency agency) {
        return view(agency, registry.activePlacements().getOrDefault(agency.code(), 0));
    }

    private AgencyView view(Agency a, int placed) {
        LocalDate today = calendar.today();
        return new AgencyView(a.code(), a.name(), a.licenceNo(), a.licenceExpiresOn(), a.rating(), a.ndaSigned(),
            a.qualified(), a.suspended(), a.suspendedReason(), a.groupId(), a.eligibleOn(today), a.ineligibility(today),
            placed);
    }

    @ExceptionHandler(AgencyExistsException.class)
    ResponseEntity<Map<String, String>> exists(AgencyExistsException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage(), "field", "code"));
    }
}
