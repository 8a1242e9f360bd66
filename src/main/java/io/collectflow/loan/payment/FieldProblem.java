package io.collectflow.loan.payment;

/** A problem with one input field (JSON property name). */
public record FieldProblem(String field, String message) {
}
