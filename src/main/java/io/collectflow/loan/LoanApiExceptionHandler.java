package io.collectflow.loan;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.collectflow.loan.LoanController.UnknownLoanException;
import io.collectflow.loan.payment.PaymentConflictException;
import io.collectflow.loan.payment.PaymentController;
import io.collectflow.loan.payment.PaymentRejectedException;
import io.collectflow.web.ApiError;
import io.collectflow.web.ApiErrors;
import io.collectflow.web.NotUtf8Exception;
import io.collectflow.web.RequestTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/** Errors of the loan-book and payment endpoints as {@link ApiError} JSON. */
@RestControllerAdvice(assignableTypes = {LoanController.class, PaymentController.class})
public class LoanApiExceptionHandler {

    @ExceptionHandler(UnknownLoanException.class)
    ResponseEntity<ApiError> unknownLoan(UnknownLoanException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(PaymentRejectedException.class)
    ResponseEntity<ApiError> rejected(PaymentRejectedException e, HttpServletRequest request) {
        List<ApiError.FieldError> fields = e.problems().stream()
            .map(p -> new ApiError.FieldError(p.field(), p.message())).toList();
        return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, "The payment is invalid; nothing was posted", fields,
            request);
    }

    @ExceptionHandler(PaymentConflictException.class)
    ResponseEntity<ApiError> conflict(PaymentConflictException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(LoanBookException.class)
    ResponseEntity<ApiError> loanBook(LoanBookException e, HttpServletRequest request) {
        List<ApiError.FieldError> fields = e.errors().stream()
            .map(r -> new ApiError.FieldError(r.column(), r.message())).toList();
        return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, "The loans are invalid; nothing was stored", fields,
            request);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(RequestTooLargeException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()
            + "; split the file into smaller ones", request);
    }

    @ExceptionHandler(NotUtf8Exception.class)
    ResponseEntity<ApiError> notUtf8(NotUtf8Exception e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), request);
    }

    /** Malformed JSON or a value of the wrong type (e.g. paidOn "2026-02-30"): 422 naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
            return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, "The request is invalid; nothing was posted",
                List.of(new ApiError.FieldError(field, "has an invalid value (dates YYYY-MM-DD, amounts as numbers)")),
                request);
        }
        return ApiErrors.of(HttpStatus.UNPROCESSABLE_ENTITY, "The request body is not valid JSON", request);
    }

    /** Two uploads booked the same loan or payment at the same moment: the later one is rolled back. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> concurrentWrite(DataIntegrityViolationException e, HttpServletRequest request) {
        return ApiErrors.of(HttpStatus.CONFLICT, "Another request stored the same loan or payment at the same time;"
            + " nothing from this request was stored — send it again", request);
    }
}
