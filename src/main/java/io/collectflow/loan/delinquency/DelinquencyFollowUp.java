package io.collectflow.loan.delinquency;

import java.time.LocalDate;

/**
 * What happens after the SQL part of a scan, while the scan lock is still held: the case lifecycle
 * (in {@code casework}) opens, updates and cures cases for loans whose state changed. Defined here so
 * the loan book does not depend on the engine bridge.
 */
public interface DelinquencyFollowUp {

    /** Brings the follow-up in line with the loans' delinquency state as of {@code asOf}. */
    Counts followUp(LocalDate asOf);

    /** Loans whose case was opened, told about a new bucket, cured, or could not be handled this time. */
    record Counts(int opened, int updated, int cured, int failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }
}
