package io.collectflow.complaint.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.collectflow.complaint.FieldError;
import io.collectflow.complaint.InvalidComplaintException;

/** 422 with one entry per invalid field (a body that is not JSON: field "body"); 400 for a bad query parameter. */
@RestControllerAdvice(basePackageClasses = ComplaintApiErrors.class)
public class ComplaintApiErrors {

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<Map<String, List<FieldError>>> invalid(InvalidComplaintException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("errors", e.errors()));
    }

    /** Not JSON, or not sent as JSON: invalid input like any other (CONTRACT "Complaints": 422 with field errors). */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, List<FieldError>>> unreadable(Exception e) {
        FieldError error = wrongType(e).orElseGet(() -> new FieldError("body",
            "must be a JSON object with name, phone, email, channel and text, sent as application/json"));
        return ResponseEntity.unprocessableEntity().body(Map.of("errors", List.of(error)));
    }

    /** A well-formed object with a field of the wrong JSON type (a number for the text): that field is named. */
    private static Optional<FieldError> wrongType(Exception e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            if (field != null) {
                return Optional.of(new FieldError(field, "must be a JSON string"));
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        IllegalArgumentException.class })
    ResponseEntity<Map<String, String>> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
