package io.collectflow.loan.payment;

import java.util.List;

import io.collectflow.loan.csv.RowError;

/** Outcome of a payment CSV upload: counts when accepted, or every row error (then nothing was posted). */
public record PaymentImportResult(int posted, int duplicates, List<RowError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
