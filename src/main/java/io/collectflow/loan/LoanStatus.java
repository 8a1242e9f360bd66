package io.collectflow.loan;

/** Values of {@code loan.status}. */
public enum LoanStatus {
    ACTIVE,
    PAID_OFF,
    WRITTEN_OFF
}
