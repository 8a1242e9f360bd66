package io.collectflow.loan.delinquency;

import java.time.LocalDate;

/**
 * The answer of a delinquency scan (CONTRACT.md). {@code casesFailed} extends the contract: loans whose
 * case could not be opened/updated/cured in this run; the next run retries them.
 */
public record ScanResult(LocalDate asOf, long loansScanned, long delinquent, int casesOpened, int casesUpdated,
                         int casesCured, int casesFailed) {
}
