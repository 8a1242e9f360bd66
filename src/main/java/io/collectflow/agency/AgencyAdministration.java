package io.collectflow.agency;

import java.time.LocalDate;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.loan.LenderCalendar;
import io.collectflow.security.audit.Actors;
import io.collectflow.security.audit.AuditLog;

import io.collectflow.web.InvalidFieldException;

/**
 * Registry changes made by managers and administrators (C4): register, review qualification, suspend,
 * reinstate. Each change and its audit entry commit together.
 */
@Service
public class AgencyAdministration {

    static final String SUBJECT = "agency";

    private final AgencyRegistry registry;
    private final AgencyGroups groups;
    private final AuditLog audit;
    private final LenderCalendar calendar;

    public AgencyAdministration(AgencyRegistry registry, AgencyGroups groups, AuditLog audit, LenderCalendar calendar) {
        this.registry = registry;
        this.groups = groups;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Registers a new agency; throws {@link AgencyExistsException} when the code is taken. */
    @Transactional
    public Agency register(String code, String name, AgencyReview review) {
        if (code == null || !code.matches("[a-z0-9]{2,32}")) {
            throw new InvalidFieldException("code", "required, 2-32 lower-case letters or digits");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "required");
        }
        if (name.length() > 200) {
            throw new InvalidFieldException("name", "at most 200 characters");
        }
        review.validate(today());
        if (registry.find(code).isPresent()) {
            throw new AgencyExistsException(code);
        }
        Agency agency = registry.register(new Agency(code, name.strip(), review.licenceNo().strip(),
            review.licenceExpiresOn(), review.rating(), review.ndaSigned(), review.qualified(), null));
        groups.ensure(agency.groupId(), agency.name());
        audit.record(Actors.current(), "AGENCY_REGISTERED", SUBJECT, code, describe(agency));
        return agency;
    }

    @Transactional
    public Agency review(String code, AgencyReview review) {
        Agency before = get(code);
        review.validate(today());
        registry.review(code, review);
        Agency after = get(code);
        audit.record(Actors.current(), "AGENCY_QUALIFICATION_REVIEWED", SUBJECT, code,
            describe(before) + " -> " + describe(after));
        return after;
    }

    /** No new placements until reinstated; placements already running are not touched (recall them in the case). */
    @Transactional
    public Agency suspend(String code, String reason) {
        get(code);
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "required: why the agency is suspended");
        }
        if (reason.length() > 1000) {
            throw new InvalidFieldException("reason", "at most 1000 characters");
        }
        registry.suspend(code, true, reason.strip());
        audit.record(Actors.current(), "AGENCY_SUSPENDED", SUBJECT, code, reason.strip());
        return get(code);
    }

    @Transactional
    public Agency reinstate(String code) {
        Agency before = get(code);
        registry.suspend(code, false, null);
        audit.record(Actors.current(), "AGENCY_REINSTATED", SUBJECT, code,
            "was suspended: " + before.suspendedReason());
        return get(code);
    }

    public Agency get(String code) {
        return registry.find(code).orElseThrow(() -> new NoSuchElementException("no agency with code " + code));
    }

    private LocalDate today() {
        return calendar.today();
    }

    private static String describe(Agency a) {
        return "licence " + a.licenceNo() + " until " + a.licenceExpiresOn() + ", rating " + a.rating() + ", NDA "
            + (a.ndaSigned() ? "signed" : "not signed") + ", " + (a.qualified() ? "qualified" : "not qualified");
    }
}
