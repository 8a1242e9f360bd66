package io.collectflow.complaint.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.collectflow.complaint.FieldError;
import io.collectflow.complaint.InvalidComplaintException;

/** 422 with one entry per invalid field; 400 for a body that is not JSON or a bad query parameter. */
@RestControllerAdvice(basePackageClasses = ComplaintApiErrors.class)
public class ComplaintApiErrors {

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<Map<String, List<FieldError>>> invalid(InvalidComplaintException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("errors", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, List<FieldError>>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
            .body(Map.of("errors", List.of(new FieldError("body", "must be a JSON object with name, phone, email, channel and text"))));
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
        IllegalArgumentException.class })
    ResponseEntity<Map<String, String>> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
