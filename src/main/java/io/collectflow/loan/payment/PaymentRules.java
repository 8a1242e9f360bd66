package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Field checks of a payment that need no database. Names are the JSON property names. */
public final class PaymentRules {

    static final int MAX_REF = 100;
    static final int MAX_LOAN_NO = 64;
    static final int MAX_CHANNEL = 64;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private PaymentRules() {
    }

    public static List<FieldProblem> check(PaymentCommand p) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "paymentRef", p.paymentRef(), MAX_REF);
        text(problems, "loanNo", p.loanNo(), MAX_LOAN_NO);
        text(problems, "channel", p.channel(), MAX_CHANNEL);
        if (p.paidOn() == null) {
            problems.add(new FieldProblem("paidOn", "is required (YYYY-MM-DD)"));
        }
        if (p.amount() == null) {
            problems.add(new FieldProblem("amount", "is required"));
        } else if (p.amount().signum() <= 0) {
            problems.add(new FieldProblem("amount", "must be greater than 0"));
        } else if (p.amount().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amount", "has more than 2 decimal places"));
        } else if (p.amount().compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("amount", "must not exceed " + MAX_AMOUNT.toPlainString()));
        }
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        } else if (!value.equals(value.strip())) {
            problems.add(new FieldProblem(field, "must not start or end with spaces"));
        }
    }
}
