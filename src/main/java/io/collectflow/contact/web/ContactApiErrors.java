package io.collectflow.contact.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.collectflow.contact.compliance.UnknownLoanException;

/** Clear JSON errors for the contact and compliance endpoints: 404 unknown loan, 400 bad input. */
@RestControllerAdvice(basePackageClasses = ContactApiErrors.class)
public class ContactApiErrors {

    @ExceptionHandler(UnknownLoanException.class)
    ResponseEntity<Map<String, String>> unknownLoan(UnknownLoanException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badInput(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "parameter '" + e.getParameterName() + "' is required"));
    }
}
