package io.collectflow.loan.payment;

import java.util.List;

/** The payment is invalid (field problems); nothing was stored. */
public class PaymentRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public PaymentRejectedException(List<FieldProblem> problems) {
        super("Payment rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
