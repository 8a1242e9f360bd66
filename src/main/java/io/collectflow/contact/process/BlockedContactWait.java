package io.collectflow.contact.process;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.RecordedVerdict;

/** Writes a verdict into the process: allowed flag, verdict id and, when blocked, when to check again. */
@Component
public class BlockedContactWait {

    private final ComplianceProperties rules;

    public BlockedContactWait(ComplianceProperties rules) {
        this.rules = rules;
    }

    public void apply(DelegateExecution execution, RecordedVerdict recorded, Instant now) {
        boolean allowed = recorded.verdict().allowed();
        execution.setVariable(ContactAttempt.Vars.CONTACT_ALLOWED, allowed);
        execution.setVariable(ContactAttempt.Vars.VERDICT_ID, recorded.id());
        if (!allowed) {
            execution.setVariable(ContactAttempt.Vars.BLOCK_REASONS,
                recorded.verdict().reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
            Instant next = recorded.verdict().nextAllowedAt() != null ? recorded.verdict().nextAllowedAt().toInstant()
                : now.plus(rules.getFlagRecheckInterval());
            execution.setVariable(ContactAttempt.Vars.NEXT_CHECK_AT, Date.from(next));
        }
    }
}
