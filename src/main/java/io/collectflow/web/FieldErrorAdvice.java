package io.collectflow.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Errors of the controllers marked {@link FieldErrorAnswers}: a bad value 422 and a value of the wrong type
 * 400, both {"error": "field: problem", "field": "field"}; something unknown 404 {"error": …}.
 */
@RestControllerAdvice(annotations = FieldErrorAnswers.class)
public class FieldErrorAdvice {

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidFieldException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage(), "field", e.field()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> unknown(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** Jackson names the field when a value has the wrong type (a date not yyyy-MM-dd, text for a number). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        Map<String, String> body = new LinkedHashMap<>();
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() != null) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            body.put("error", field + ": not a valid value (dates yyyy-MM-dd, amounts and ratings as numbers)");
            body.put("field", field);
        } else {
            body.put("error", "the request body is not valid JSON");
        }
        return ResponseEntity.badRequest().body(body);
    }
}
