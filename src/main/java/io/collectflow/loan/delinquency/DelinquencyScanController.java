package io.collectflow.loan.delinquency;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.collectflow.loan.LenderCalendar;

/**
 * {@code POST /api/delinquency/scan?asOf=YYYY-MM-DD}: runs the delinquency scan now (CONTRACT.md); without
 * {@code asOf}, of the lender's today.
 */
@RestController
@RequestMapping("/api/delinquency")
class DelinquencyScanController {

    private final DelinquencyScanService scanService;
    private final LenderCalendar calendar;

    DelinquencyScanController(DelinquencyScanService scanService, LenderCalendar calendar) {
        this.scanService = scanService;
        this.calendar = calendar;
    }

    @PostMapping("/scan")
    ScanResult scan(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return scanService.scan(asOf != null ? asOf : calendar.today());
    }

    @ExceptionHandler(ScanAlreadyRunningException.class)
    ResponseEntity<Map<String, String>> alreadyRunning(ScanAlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
            .body(Map.of("error", "SCAN_ALREADY_RUNNING", "message", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "BAD_REQUEST",
            "message", e.getName() + " must be a date YYYY-MM-DD, got '" + e.getValue() + "'"));
    }
}
