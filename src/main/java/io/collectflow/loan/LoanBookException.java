package io.collectflow.loan;

import java.util.List;

import io.collectflow.loan.csv.RowError;

/** Loans given in code violate the rules; nothing was stored. Row = position in the list (1-based). */
public class LoanBookException extends RuntimeException {

    private final transient List<RowError> errors;

    public LoanBookException(List<RowError> errors) {
        super("Loans rejected: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
