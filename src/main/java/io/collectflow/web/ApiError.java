package io.collectflow.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of an error answer: HTTP status, its reason, a sentence for people and, for invalid
 * input, one entry per offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(Instant timestamp, int status, String error, String message, String path,
        List<FieldError> errors) {

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }
}
