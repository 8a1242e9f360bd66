package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Told about every new payment after its transaction committed (not about duplicates). Other features
 * (promise ledger, risk score) implement it, so the loan book depends on none of them. A listener
 * failure is logged and never undoes the payment.
 */
public interface PaymentPostedListener {

    void paymentPosted(String loanNo, LocalDate paidOn, BigDecimal amount);
}
