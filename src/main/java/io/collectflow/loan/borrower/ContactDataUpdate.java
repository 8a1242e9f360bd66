package io.collectflow.loan.borrower;

/**
 * A change of a borrower's contact data: only the fields given change ({@code null}: keep; an empty e-mail
 * removes it). {@code source} says where the new data comes from, {@code note} anything a colleague should know.
 */
public record ContactDataUpdate(String phone, String email, String address, String source, String note) {

    /** Where new contact data comes from. */
    public enum Source {
        /** found by a skip trace (lost contact, C5) */
        SKIP_TRACE,
        /** given by the borrower on a call, a visit or in writing */
        BORROWER,
        /** learned from a shared contact, an employer or another third party */
        THIRD_PARTY,
        /** corrected after a visit found the address wrong */
        VISIT,
        OTHER
    }
}
