package io.collectflow.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every CollectFlow API: a request whose transaction Camunda refused because a job of the same case (a timer, a
 * contact attempt) changed it at the same moment answers 409 instead of 500. The transaction was rolled back as a
 * whole, so nothing of the request was recorded and sending it again is safe. Endpoints that can redo the work
 * themselves do so first ({@link ConcurrentUpdateRetry}). Camunda's own {@code /engine-rest} keeps its answers.
 */
@RestControllerAdvice(basePackages = "io.collectflow")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConcurrentUpdateAdvice {

    static final String MESSAGE = "the case was changed by another step at the same moment; nothing was recorded, "
        + "send the request again";

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.CONFLICT, MESSAGE, request);
    }
}
