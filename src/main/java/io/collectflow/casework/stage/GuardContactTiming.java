package io.collectflow.casework.stage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.BorrowerDirectory;
import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.Verdict;

/**
 * {@link ContactTiming} from the compliance guard's preview (not recorded) and its contact window. Dates and hours need
 * the borrower's zone only, read by the guard's own zone lookup ({@link BorrowerDirectory#zoneOf}) without the
 * borrower's flags.
 */
@Component
class GuardContactTiming implements ContactTiming {

    private final ComplianceService compliance;
    private final BorrowerDirectory borrowers;
    private final ComplianceProperties rules;

    GuardContactTiming(ComplianceService compliance, BorrowerDirectory borrowers, ComplianceProperties rules) {
        this.compliance = compliance;
        this.borrowers = borrowers;
        this.rules = rules;
    }

    @Override
    public Instant firstAllowed(String loanNo, Channel channel, Instant from) {
        Verdict verdict = compliance.preview(loanNo, channel, Operator.SYSTEM, from);
        // the guard searches from `from` on: its next allowed moment is never earlier
        return verdict.allowed() || verdict.nextAllowedAt() == null ? from : verdict.nextAllowedAt().toInstant();
    }

    @Override
    public Instant windowOpens(String loanNo, LocalDate date) {
        // a start inside a daylight-saving gap moves forward to the first valid local time, as in the guard
        return date.atTime(rules.getWindowStart()).atZone(zone(loanNo)).toInstant();
    }

    @Override
    public Instant dayStarts(String loanNo, LocalDate date) {
        return date.atStartOfDay(zone(loanNo)).toInstant();
    }

    @Override
    public LocalDate borrowersDate(String loanNo, Instant at) {
        return LocalDate.ofInstant(at, zone(loanNo));
    }

    /**
     * The borrower's zone. Without one (an unknown loan, a borrower whose zone is blank or no zone id) the guard's
     * subject is asked instead, which fails as the guard does: unknown loan, or no known time zone.
     */
    private ZoneId zone(String loanNo) {
        return borrowers.zoneOf(loanNo).orElseGet(() -> compliance.subject(loanNo).zone());
    }
}
