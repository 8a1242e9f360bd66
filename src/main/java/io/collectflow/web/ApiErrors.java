package io.collectflow.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/** Builds {@link ApiError} answers. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ResponseEntity<ApiError> of(HttpStatus status, String message, HttpServletRequest request) {
        return of(status, message, null, request);
    }

    public static ResponseEntity<ApiError> of(HttpStatus status, String message, List<ApiError.FieldError> errors,
            HttpServletRequest request) {
        return ResponseEntity.status(status).body(new ApiError(Instant.now(), status.value(),
            status.getReasonPhrase(), message, request.getRequestURI(), errors));
    }
}
