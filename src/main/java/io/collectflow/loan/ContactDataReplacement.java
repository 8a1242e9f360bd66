package io.collectflow.loan;

import java.time.Instant;
import java.util.List;

/**
 * Told by the loan import before it replaces the contact data of borrowers already on file with the file's (in
 * the import's transaction): keeps what changed and returns what to do once the rows hold the new data.
 */
@FunctionalInterface
public interface ContactDataReplacement {

    /** For a loan book without anything to tell (plain database tests, the import benchmark). */
    ContactDataReplacement NONE = (borrowers, now) -> () -> { };

    Runnable replacing(List<NewBorrower> borrowers, Instant now);
}
