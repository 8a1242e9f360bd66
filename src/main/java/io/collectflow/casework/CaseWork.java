package io.collectflow.casework;

import java.math.BigDecimal;

/**
 * One loan the case lifecycle has to act on, with its current delinquency state; {@code caseId} and
 * {@code processInstanceId} are null when the loan has no active case yet.
 */
public record CaseWork(String loanNo, int dpd, String bucket, BigDecimal overdueAmount, Long caseId,
                       String processInstanceId) {
}
