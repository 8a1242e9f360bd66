package io.collectflow.ops.deploy;

import java.util.ArrayList;
import java.util.Optional;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.util.Either;

/** Parses FEEL as the engine's decision tables will (feel-scala), without evaluating: the parser's message or none. */
final class FeelSyntax extends ScalaFeelEngine {

    FeelSyntax() {
        super(new ArrayList<>());
    }

    /** A decision table's input entry (unary tests, e.g. {@code [60..90[}). */
    Optional<String> unaryTestsProblem(String text) {
        return problem(feelEngine.parseUnaryTests(text));
    }

    /** An input expression or an output entry (e.g. {@code dpd}, {@code "SECOND_LINE"}). */
    Optional<String> expressionProblem(String text) {
        return problem(feelEngine.parseExpression(text));
    }

    private static Optional<String> problem(Either<Failure, ParsedExpression> parsed) {
        return parsed.isLeft() ? Optional.of(parsed.left().toOption().get().message()) : Optional.empty();
    }
}
