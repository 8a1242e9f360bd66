package io.collectflow.complaint;

/**
 * A complaint as it arrives, before validation. {@code sourceRef} identifies the original (e.g. the e-mail's
 * Message-ID) so the same message is never taken in twice; null when there is nothing to de-duplicate.
 */
public record ComplaintSubmission(IntakeChannel channel, String name, String phone, String email, String loanNo,
        String category, String text, String sourceRef) {
}
