package io.collectflow.kpi;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A bad parameter of the KPI endpoints (this package and below): 400 with a sentence naming it. */
@RestControllerAdvice(basePackageClasses = KpiApiErrors.class)
public class KpiApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException m
            ? "parameter '" + m.getName() + "' is not valid: '" + m.getValue() + "'" : e.getMessage();
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message));
    }
}
