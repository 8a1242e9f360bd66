package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A repayment received for a loan; {@code paymentRef} is the payer's unique reference (idempotency key). */
public record PaymentCommand(String paymentRef, String loanNo, LocalDate paidOn, BigDecimal amount, String channel) {

    /** Same payment (reference, loan, date, amount regardless of trailing zeros, channel)? */
    public boolean sameAs(PaymentCommand other) {
        return Objects.equals(paymentRef, other.paymentRef) && Objects.equals(loanNo, other.loanNo)
            && Objects.equals(paidOn, other.paidOn) && Objects.equals(channel, other.channel)
            && amount != null && other.amount != null && amount.compareTo(other.amount) == 0;
    }
}
