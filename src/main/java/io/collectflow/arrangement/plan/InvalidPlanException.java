package io.collectflow.arrangement.plan;

import java.util.List;

/** A plan request or action that cannot be carried out; names the fields at fault. */
public class InvalidPlanException extends RuntimeException {

    private final List<String> problems;

    public InvalidPlanException(List<String> problems) {
        super("Please correct: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
