package io.collectflow.loan;

import java.util.List;

import io.collectflow.loan.csv.RowError;

/** Outcome of a loan-book import: either {@code imported} loans and no errors, or 0 and every row error. */
public record LoanImportResult(int imported, List<RowError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
