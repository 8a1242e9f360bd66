package io.collectflow.casework.stage;

import java.util.List;

import io.collectflow.web.RefusedInput;

/** A collector's report is incomplete or contradictory; the message names every field in error. */
public class InvalidReportException extends RuntimeException implements RefusedInput {

    private final List<String> problems;

    public InvalidReportException(List<String> problems) {
        super("Please correct: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Throws when {@code problems} is not empty. */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
    }

    public List<String> problems() {
        return problems;
    }
}
