package io.collectflow.contact.compliance;

/** A verdict as stored in compliance_verdict, with the borrower it was about. */
public record RecordedVerdict(long id, ContactSubject subject, Verdict verdict) {
}
