package io.collectflow.casework.form;

import java.util.List;

import io.collectflow.web.RefusedInput;

/** Submitted values break the rules of the task's form; the message names every field in error by its label. */
public class InvalidFormException extends RuntimeException implements RefusedInput {

    private final String formId;
    private final transient List<String> problems;

    public InvalidFormException(String formId, List<String> problems) {
        super("Please correct: " + String.join("; ", problems));
        this.formId = formId;
        this.problems = List.copyOf(problems);
    }

    /** The form whose rules were broken. */
    public String formId() {
        return formId;
    }

    public List<String> problems() {
        return problems;
    }
}
