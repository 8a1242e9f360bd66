package io.collectflow.security.audit;

/** Result of a chain check: {@code firstBrokenId} is null when the chain is intact. */
public record AuditVerification(boolean valid, long entries, Long firstBrokenId) {
}
