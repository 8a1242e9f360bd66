package io.collectflow.contact.compliance;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;

/** Runs the guard for a loan's borrower and records the verdict: the one entry point for every contact. */
@Service
public class ComplianceService {

    private final BorrowerDirectory directory;
    private final ComplianceGuard guard;
    private final VerdictStore verdicts;
    private final Clock clock;

    public ComplianceService(BorrowerDirectory directory, ComplianceGuard guard, VerdictStore verdicts, Clock clock) {
        this.directory = directory;
        this.guard = guard;
        this.verdicts = verdicts;
        this.clock = clock;
    }

    /** Checks and records; {@code at} null means now (the injected clock). */
    public RecordedVerdict check(String loanNo, Channel channel, Operator operator, Instant at) {
        ContactSubject subject = subject(loanNo);
        Instant when = at == null ? clock.instant() : at;
        Verdict verdict = guard.check(subject, channel, operator, when);
        long id = verdicts.record(subject, channel, operator, when, verdict);
        return new RecordedVerdict(id, subject, verdict);
    }

    /** Evaluates without recording (for display, e.g. the hint on a call task form). */
    public Verdict preview(String loanNo, Channel channel, Operator operator, Instant at) {
        return guard.check(subject(loanNo), channel, operator, at == null ? clock.instant() : at);
    }

    public ContactSubject subject(String loanNo) {
        return directory.byLoan(loanNo).orElseThrow(() -> new UnknownLoanException(loanNo));
    }
}
