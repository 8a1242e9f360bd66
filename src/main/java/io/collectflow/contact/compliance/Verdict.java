package io.collectflow.contact.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The guard's answer. {@code nextAllowedAt} (borrower's offset) is set when the block lifts by itself
 * (time, calendar, caps) and null when it is allowed now or only a person can lift it (flags).
 * {@code inputs} are the facts the rules saw, stored with the verdict.
 */
public record Verdict(boolean allowed, List<ReasonCode> reasons, OffsetDateTime nextAllowedAt, String ruleSetVersion,
        Map<String, String> inputs) {

    public Verdict {
        reasons = List.copyOf(reasons);
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    public String verdictCode() {
        return allowed ? "ALLOWED" : "BLOCKED";
    }
}
