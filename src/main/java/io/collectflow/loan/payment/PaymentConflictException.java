package io.collectflow.loan.payment;

/** A payment with this reference was already posted with different data; nothing was changed. */
public class PaymentConflictException extends RuntimeException {

    private final transient PaymentCommand existing;

    public PaymentConflictException(String message, PaymentCommand existing) {
        super(message);
        this.existing = existing;
    }

    /** The stored payment, or null when the conflict is not about one stored payment. */
    public PaymentCommand existing() {
        return existing;
    }
}
