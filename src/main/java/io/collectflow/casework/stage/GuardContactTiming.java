package io.collectflow.casework.stage;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.Verdict;

/** {@link ContactTiming} from the compliance guard's preview (not recorded) and its contact window. */
@Component
class GuardContactTiming implements ContactTiming {

    private final ComplianceService compliance;
    private final ComplianceProperties rules;

    GuardContactTiming(ComplianceService compliance, ComplianceProperties rules) {
        this.compliance = compliance;
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
        return date.atTime(rules.getWindowStart()).atZone(compliance.subject(loanNo).zone()).toInstant();
    }

    @Override
    public Instant dayStarts(String loanNo, LocalDate date) {
        return date.atStartOfDay(compliance.subject(loanNo).zone()).toInstant();
    }

    @Override
    public LocalDate borrowersDate(String loanNo, Instant at) {
        return LocalDate.ofInstant(at, compliance.subject(loanNo).zone());
    }
}
