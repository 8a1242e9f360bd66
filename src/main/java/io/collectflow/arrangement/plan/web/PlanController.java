package io.collectflow.arrangement.plan.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.arrangement.plan.InvalidPlanException;
import io.collectflow.arrangement.plan.PlanTokenException;
import io.collectflow.arrangement.plan.RepaymentPlanService;
import io.collectflow.arrangement.plan.process.PlanConfirmation;
import io.collectflow.web.ApiError;
import io.collectflow.web.ApiErrors;
import io.collectflow.web.ConcurrentUpdateRetry;

/**
 * Borrower confirmation of a repayment plan: the public one-time link and the collector's
 * written-confirmation flag. A confirmation that meets the plan's own timer at the same moment is tried again
 * (the timer may have expired the plan meanwhile: then the link answers as expired).
 */
@RestController
public class PlanController {

    private final PlanConfirmation confirmation;

    public PlanController(PlanConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    /** Public: the token is the credential; single use, expires after collectflow.arrangement.confirmation-validity. */
    @PostMapping("/api/plans/confirm/{token}")
    public Map<String, Object> confirm(@PathVariable String token) {
        RepaymentPlanService.ConfirmedPlan plan = ConcurrentUpdateRetry.call(ConcurrentUpdateRetry.API_ATTEMPTS,
            () -> confirmation.byToken(token));
        return Map.of("planId", plan.planId(), "status", "CONFIRMED");
    }

    /** In-house staff, once the signed plan is in the loan file (kept in the bank's document system, not here). */
    @PostMapping("/api/plans/{planId}/written-confirmation")
    public Map<String, Object> written(@PathVariable long planId) {
        RepaymentPlanService.ConfirmedPlan plan = ConcurrentUpdateRetry.call(ConcurrentUpdateRetry.API_ATTEMPTS,
            () -> confirmation.written(planId));
        return Map.of("planId", plan.planId(), "status", "CONFIRMED");
    }

    @ExceptionHandler(PlanTokenException.class)
    ResponseEntity<ApiError> token(PlanTokenException e, HttpServletRequest request) {
        return ApiErrors.of("UNKNOWN".equals(e.reason()) ? HttpStatus.NOT_FOUND : HttpStatus.GONE, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidPlanException.class)
    ResponseEntity<ApiError> invalid(InvalidPlanException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
            e.problems().stream().map(p -> new ApiError.FieldError(p.substring(0, Math.max(0, p.indexOf(':'))), p)).toList(),
            request);
    }

    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    ResponseEntity<ApiError> notWaiting(MismatchingMessageCorrelationException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.CONFLICT, "the plan is not waiting for a confirmation", List.of(), request);
    }
}
