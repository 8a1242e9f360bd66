package io.collectflow.loan.delinquency;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Published after every finished delinquency scan (the scan lock already released), for features
 * that follow the book's daily state, such as the KPI snapshot, without the scan depending on them.
 */
public record ScanCompleted(LocalDate asOf, ScanResult result, Duration duration) {
}
