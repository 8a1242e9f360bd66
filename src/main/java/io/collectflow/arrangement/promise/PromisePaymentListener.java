package io.collectflow.arrangement.promise;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.collectflow.loan.payment.PaymentPostedListener;

/** Applies every new payment to the loan's open promises. */
@Component
public class PromisePaymentListener implements PaymentPostedListener {

    private final PromiseLedger ledger;

    public PromisePaymentListener(PromiseLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void paymentPosted(String loanNo, LocalDate paidOn, BigDecimal amount) {
        ledger.applyPayment(loanNo, paidOn, amount);
    }
}
