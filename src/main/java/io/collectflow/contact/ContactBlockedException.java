package io.collectflow.contact;

import io.collectflow.contact.compliance.RecordedVerdict;
import io.collectflow.web.RefusedInput;

/** The guard forbids this contact now; the verdict says why and when it may be tried again. */
public class ContactBlockedException extends RuntimeException implements RefusedInput {

    private final transient RecordedVerdict verdict;

    public ContactBlockedException(String message, RecordedVerdict verdict) {
        super(message);
        this.verdict = verdict;
    }

    public RecordedVerdict verdict() {
        return verdict;
    }
}
