package io.collectflow.arrangement.promise;

/**
 * Published (as a Spring application event) after the daily settlement committed a promise of the loan
 * as BROKEN or PARTIALLY_KEPT and re-scored the loan: the case process is told (see
 * {@code io.collectflow.arrangement.promise.process.BrokenPromiseCaseSignal}).
 *
 * @param notKeptPromises the loan's promises not fully kept so far (the case's brokenPromises)
 * @param riskGrade       the grade after re-scoring
 * @param overdueReason   the E1 reason after re-scoring (overdue-reason.dmn)
 * @param malicious       the E4 verdict after re-scoring
 */
public record PromiseBroken(String loanNo, int notKeptPromises, String riskGrade, String overdueReason,
        boolean malicious) {
}
