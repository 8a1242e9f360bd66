package io.collectflow.loan.payment;

/** Values of {@code payment_allocation.component}. CREDIT rows (seq 0) hold an unapplied overpayment. */
public enum AllocationComponent {
    PENALTY,
    INTEREST,
    PRINCIPAL,
    CREDIT
}
