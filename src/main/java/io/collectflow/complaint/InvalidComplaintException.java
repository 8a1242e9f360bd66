package io.collectflow.complaint;

import java.util.List;
import java.util.stream.Collectors;

import io.collectflow.web.RefusedInput;

/** The submission or decision is invalid; names every offending field. Nothing has been stored. */
public class InvalidComplaintException extends RuntimeException implements RefusedInput {

    private final transient List<FieldError> errors;

    public InvalidComplaintException(List<FieldError> errors) {
        super("invalid complaint: " + errors.stream().map(e -> e.field() + ": " + e.message())
            .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
